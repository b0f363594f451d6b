import { describe, expect, test } from 'vitest';
import { sampleSettings } from '../sample/sample-settings';
import { parseAnalysisSettings } from './parse-analysis-settings';
import { stageToAdd } from './stage-to-add';

const DATA: [string, string] = ['2020-09-01', '2022-10-31'];

describe('stageToAdd(stages, data_days)', () => {
	test('with no stages, covers the data', () => {
		expect(stageToAdd([], DATA)).toEqual({ added: { name: 'Stage 1', start: '2020-09-01', end: '2022-10-31' }, shortened_last: null });
	});

	test('takes the uncovered days after the last stage', () => {
		expect(stageToAdd(sampleSettings.stages.slice(0, 2), DATA)).toEqual({
			added: { name: 'Stage 3', start: '2022-03-01', end: '2022-10-31' },
			shortened_last: null
		});
	});

	test('splits the last stage in two when the stages cover the data, three times in a row, and every result is valid settings', () => {
		let stages = sampleSettings.stages;
		const added = [];
		for (let k = 0; k < 3; k++) {
			const { added: stage, shortened_last } = stageToAdd(stages, DATA);
			stages = parseAnalysisSettings({ stages: [...stages.slice(0, -1), shortened_last!, stage] }).stages;
			added.push(stage);
		}
		expect(added).toEqual([
			{ name: 'Stage 4', start: '2022-07-01', end: '2022-10-31' },
			{ name: 'Stage 5', start: '2022-09-01', end: '2022-10-31' },
			{ name: 'Stage 6', start: '2022-10-01', end: '2022-10-31' }
		]);
		expect(stages.slice(2).map((stage) => [stage.name, stage.start, stage.end])).toEqual([
			['Newly qualified doctors', '2022-03-01', '2022-06-30'],
			['Stage 4', '2022-07-01', '2022-08-31'],
			['Stage 5', '2022-09-01', '2022-09-30'],
			['Stage 6', '2022-10-01', '2022-10-31']
		]);
	});

	test('a one-day last stage at the end is not split: the new stage is the day after', () => {
		expect(stageToAdd([{ name: 'Stage 2', start: '2022-10-31', end: '2022-10-31' }], DATA)).toEqual({
			added: { name: 'Stage 3', start: '2022-11-01', end: '2022-11-01' },
			shortened_last: null
		});
	});
});
