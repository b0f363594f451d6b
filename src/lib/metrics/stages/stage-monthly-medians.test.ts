import { describe, expect, test } from 'vitest';
import type { LinkRatioRow } from '../links/link-ratios';
import { stageMonthlyMedians } from './stage-monthly-medians';

const month = (period: string, peer_share: number | null, density: number | null): LinkRatioRow =>
	({ period, peer_share, reciprocity: 0.5, density, reciprocity_normalized: null, degree_centralization: 0.2 }) as LinkRatioRow;

describe('stageMonthlyMedians(stages, monthly)', () => {
	test('takes the median of the months whose 15th day lies in the stage, leaving out months without a value', () => {
		const monthly = [month('2021-01', 0.2, 0.1), month('2021-02', 0.9, 0.3), month('2021-03', 0.4, null), month('2021-04', null, 0.6)];
		expect(
			stageMonthlyMedians(
				[
					{ name: 'Winter', start: '2021-01-10', end: '2021-03-14' },
					{ name: 'Spring', start: '2021-03-15', end: '2021-04-30' },
					{ name: 'Later', start: '2022-01-01', end: '2022-02-01' }
				],
				monthly
			)
		).toEqual([
			// January and February: the 15th of March is after the stage ends
			{ stage: 'Winter', months: 2, peer_share: 0.55, reciprocity: 0.5, density: 0.2, reciprocity_normalized: null, degree_centralization: 0.2 },
			{ stage: 'Spring', months: 2, peer_share: 0.4, reciprocity: 0.5, density: 0.6, reciprocity_normalized: null, degree_centralization: 0.2 },
			{ stage: 'Later', months: 0, peer_share: null, reciprocity: null, density: null, reciprocity_normalized: null, degree_centralization: null }
		]);
	});
});
