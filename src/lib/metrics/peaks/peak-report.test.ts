import { describe, expect, test } from 'vitest';
import type { ActivityRow } from '../series/activity-series';
import { peakReport } from './peak-report';

function monthlyRows(start_year: number, messages: number[]): ActivityRow[] {
	return messages.map((count, index) => {
		const month = new Date(Date.UTC(start_year, index, 1)).toISOString().slice(0, 10);
		return { period_start: month, messages: count, words: 0, likes: null, active_members: 0, active_students: 0, new_members: 0, mentor_messages: 0, mentor_share: null, coverage: 1 };
	});
}

// median 107.5, MAD 10, threshold max(0.5 × 107.5, 3 × 1.4826 × 10) = 53.75. Local maxima: 2021-02 (prominence 10),
// the flat top 2021-05..07 counted at its middle 2021-06 (300 − max(90, 95) = 205), 2021-10 (10). The last month
// (400) is the highest of all but an end, so never a peak.
const plateau_and_high_end = monthlyRows(2021, [100, 110, 90, 105, 300, 300, 300, 95, 100, 110, 100, 400]);

describe('peakReport(series, options)', () => {
	test('counts a flat-topped peak once, at its middle month, and never the high last month', () => {
		const report = peakReport(plateau_and_high_end, { grain: 'month' });
		expect({ threshold: report.threshold, median: report.median, mad: report.mad }).toEqual({ threshold: 53.75, median: 107.5, mad: 10 });
		expect(report.peaks).toEqual([
			{
				label: '2021-06',
				period_start: '2021-06-01',
				value: 300,
				is_peak: true,
				prominence: 205,
				ratio_to_median: 300 / 107.5,
				robust_z: (0.6745 * 192.5) / 10,
				reason: 'peak: prominence 205 ≥ threshold 53.8',
				event: null,
				event_distance_days: null
			}
		]);
		expect(report.periods.map((period) => [period.label, period.reason])).toEqual([
			['2021-01', 'not a peak: first month is never a peak'],
			['2021-02', 'not a peak: prominence 10 below threshold 53.8'],
			['2021-03', 'not a peak: not higher than both neighbours'],
			['2021-04', 'not a peak: not higher than both neighbours'],
			['2021-05', 'not a peak: on a flat top counted once, at 2021-06'],
			['2021-06', 'peak: prominence 205 ≥ threshold 53.8'],
			['2021-07', 'not a peak: on a flat top counted once, at 2021-06'],
			['2021-08', 'not a peak: not higher than both neighbours'],
			['2021-09', 'not a peak: not higher than both neighbours'],
			['2021-10', 'not a peak: prominence 10 below threshold 53.8'],
			['2021-11', 'not a peak: not higher than both neighbours'],
			['2021-12', 'not a peak: last month is never a peak']
		]);
	});

	test('a higher sensitivity lowers the bar: 6 turns the two small bumps (prominence 10 ≥ 53.75 / 6) into peaks', () => {
		expect(peakReport(plateau_and_high_end, { grain: 'month', sensitivity: 6 }).peaks.map((peak) => peak.label)).toEqual(['2021-02', '2021-06', '2021-10']);
		expect(peakReport(plateau_and_high_end, { grain: 'month', sensitivity: 0.25 }).peaks).toEqual([]);
	});

	test('on a flat series (MAD 0) robust z is null, not infinite, and the bar is half the median', () => {
		const report = peakReport(monthlyRows(2021, [10, 10, 10, 25, 10, 10, 10]), { grain: 'month' });
		expect({ threshold: report.threshold, mad: report.mad }).toEqual({ threshold: 5, mad: 0 });
		expect(report.peaks.map(({ label, prominence, ratio_to_median, robust_z }) => ({ label, prominence, ratio_to_median, robust_z }))).toEqual([
			{ label: '2021-04', prominence: 15, ratio_to_median: 2.5, robust_z: null }
		]);
		expect(JSON.parse(JSON.stringify(report.periods)).every((period: { robust_z: unknown }) => period.robust_z === null)).toBe(true);
		expect(peakReport(monthlyRows(2021, [0, 0, 0]), { grain: 'month' }).periods.map((period) => [period.ratio_to_median, period.robust_z])).toEqual([
			[null, null],
			[null, null],
			[null, null]
		]);
	});

	test('in sparse weeks a lone message between empty weeks is no peak; five messages are', () => {
		const report = peakReport(monthlyRows(2021, [0, 0, 1, 0, 0, 2, 0, 0, 0, 5, 0, 0]), { grain: 'month' });
		expect({ threshold: report.threshold, median: report.median, mad: report.mad }).toEqual({ threshold: 3, median: 0, mad: 0 });
		expect(report.peaks.map(({ label, prominence, ratio_to_median }) => ({ label, prominence, ratio_to_median }))).toEqual([
			{ label: '2021-10', prominence: 5, ratio_to_median: null }
		]);
	});

	test('names the nearest event within 14 days of a peak month, before or after, with its signed distance in days', () => {
		const nearest = (events: { date: string; label: string }[]) => {
			const [peak] = peakReport(plateau_and_high_end, { grain: 'month', events }).peaks;
			return [peak.event?.label ?? null, peak.event_distance_days];
		};
		expect(nearest([{ date: '2021-05-25', label: 'before' }, { date: '2021-06-25', label: 'late in June' }, { date: '2021-06-10', label: 'task' }])).toEqual(['task', 0]);
		expect(nearest([{ date: '2021-05-10', label: 'too early' }, { date: '2021-05-18', label: 'two weeks before' }])).toEqual(['two weeks before', -14]);
		expect(nearest([{ date: '2021-05-17', label: 'fifteen days before' }, { date: '2021-07-01', label: 'the day after' }])).toEqual(['the day after', 1]);
		expect(nearest([{ date: '2021-05-31', label: 'the day before' }, { date: '2021-07-01', label: 'the day after' }])).toEqual(['the day before', -1]);
		expect(nearest([{ date: '2021-05-17', label: 'fifteen days before' }, { date: '2021-07-15', label: 'fifteen days after' }])).toEqual([null, null]);
		expect(peakReport(plateau_and_high_end, { grain: 'month', events: [{ date: '2021-05-17', label: 'x' }], event_window_days: 15 }).peaks[0].event_distance_days).toBe(-15);
	});

	test('weekly and daily periods end after 7 days and 1 day', () => {
		const weeks = monthlyRows(2021, [1, 5, 1]).map((row, index) => ({ ...row, period_start: ['2021-03-01', '2021-03-08', '2021-03-15'][index] }));
		const events = [{ date: '2021-03-14', label: 'Sunday' }];
		expect(peakReport(weeks, { grain: 'week', events }).peaks.map((peak) => [peak.label, peak.event])).toEqual([['2021-03-08', events[0]]]);
		const days = weeks.map((row, index) => ({ ...row, period_start: ['2021-03-13', '2021-03-14', '2021-03-15'][index] }));
		expect(peakReport(days, { grain: 'day', events: [{ date: '2021-03-11', label: 'three days before' }] }).peaks[0].event).toEqual({ date: '2021-03-11', label: 'three days before' });
		expect(peakReport(days, { grain: 'day', events: [{ date: '2021-03-10', label: 'four days before' }] }).peaks[0].event).toBeNull();
	});

	test('finds peaks in another column, counting missing likes as 0', () => {
		const rows = monthlyRows(2021, [1, 1, 1]).map((row, index) => ({ ...row, likes: [null, 9, 0][index] }));
		expect(peakReport(rows, { grain: 'month', metric: 'likes' }).peaks.map((peak) => [peak.label, peak.value])).toEqual([['2021-02', 9]]);
	});
});
