import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../metrics/algorithms/wilson-interval';
import { defaultAnalysisSettings } from '../settings/default-analysis-settings';
import { keywordTrendFigure } from './keyword-trend-figure';
import { tidyCsv } from './tidy-csv';

const settings = { ...defaultAnalysisSettings('Asia/Shanghai'), stages: [{ name: 'Stage 1', start: '2021-01-01', end: '2021-02-28' }] };
const [low, high] = wilsonInterval(1, 4)!;

describe('keywordTrendFigure(trend, settings)', () => {
	it('writes period,messages,matching,share,share_low,share_high per month and states the query, grain, counting and time zone', () => {
		const figure = keywordTrendFigure(
			{
				query: '考试',
				regex: false,
				grain: 'month',
				by_role: false,
				rows: [
					{ period_start: '2021-01-01', messages: 4, matching: 1, share: 0.25 },
					{ period_start: '2021-02-01', messages: 0, matching: 0, share: null }
				]
			},
			settings
		);
		expect(tidyCsv(figure.rows)).toBe(`\ufeffperiod,messages,matching,share,share_low,share_high\r\n2021-01,4,1,0.25,${low},${high}\r\n2021-02,0,0,,,\r\n`);
		expect(figure.title).toBe('Share of messages matching “考试”, per month');
		expect(figure.caption).toBe(
			'Counted: text messages (media, stickers and system messages excluded). Times in Asia/Shanghai. 2021-01 – 2021-02. ' +
				'Share of the counted messages of each month that match “考试” (every word as a whole word in any case (Chinese inside longer text too), quoted phrases as written); band: 95% Wilson interval; n = counted messages per month.'
		);
		expect(figure.props).toMatchObject({ grain: 'month', query_label: '“考试”', stages: settings.stages });
	});

	it('by role: a role column (empty for members with no role) and one line per role; a regular expression is called one', () => {
		const figure = keywordTrendFigure(
			{
				query: 'exam|test',
				regex: true,
				grain: 'week',
				by_role: true,
				rows: [
					{ period_start: '2021-01-04', role: 'mentor', messages: 4, matching: 1, share: 0.25 },
					{ period_start: '2021-01-04', role: null, messages: 0, matching: 0, share: null }
				]
			},
			settings
		);
		expect(tidyCsv(figure.rows)).toBe(`\ufeffperiod,messages,matching,share,share_low,share_high,role\r\n2021-01-04,4,1,0.25,${low},${high},mentor\r\n2021-01-04,0,0,,,,\r\n`);
		expect((figure.props as { lines: { label: string; color: string }[] }).lines.map(({ label, color }) => [label, color])).toEqual([
			['mentor', '#D55E00'],
			['No role', '#999999']
		]);
		expect(figure.caption).toContain(' Share of the counted messages of each week, by role, that match the regular expression “exam|test” (RE2 syntax);');
		expect(figure.caption).toContain(' Weeks start on Monday.');
	});
});
