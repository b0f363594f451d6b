import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { monthlySeries, type MonthlyRow } from '../monthly-series';
import { peakReport } from '../peaks/peak-report';
import { monthlyDrops } from './monthly-drops';

const fixture = (name: string) => pathImportSource(resolve(import.meta.dirname, '../../../../tests/fixtures/metrics', name));

const months = (messages: number[], coverage: number[] = messages.map(() => 1)): MonthlyRow[] =>
	messages.map((count, index) => ({
		month: `2021-${String(index + 1).padStart(2, '0')}`,
		messages: count,
		words: 0,
		likes: null,
		active_members: 0,
		active_students: 0,
		new_members: 0,
		mentor_messages: 0,
		mentor_share: null,
		coverage: coverage[index]
	}));

describe('monthlyDrops(monthly)', () => {
	test('a fall from 100 to 40 messages a month is one change point and two halvings of the 3-month median', () => {
		const drops = monthlyDrops(months([100, 100, 100, 100, 40, 40, 40, 40]));
		expect(drops.changepoints).toHaveLength(1);
		expect(drops.changepoints[0].month).toBe('2021-05');
		expect(drops.changepoints[0].direction).toBe('down');
		expect(drops.changepoints[0].mean_before).toBeCloseTo(100, 10);
		expect(drops.changepoints[0].mean_after).toBeCloseTo(40, 10);
		expect(drops.trend).toBeNull();
		// 2021-07: the median of 100, 40, 40 is 40, and 40 is not below 20.
		expect(drops.month_over_month).toEqual([
			{ month: '2021-05', messages: 40, previous_median: 100 },
			{ month: '2021-06', messages: 40, previous_median: 100 }
		]);
	});

	test('a steady series has neither', () => {
		expect(monthlyDrops(months([50, 52, 49, 51, 50, 48, 50]))).toEqual({ changepoints: [], trend: null, month_over_month: [], partial_months: [] });
	});

	test('a decline of about 8% a month over eleven months is a trend from the first to the last full month, not stairs', () => {
		const declining = [400, 372, 340, 318, 290, 270, 246, 228, 210, 192, 178];
		const drops = monthlyDrops(months([...declining, 5], [...declining.map(() => 1), 0.1]));
		expect(drops.changepoints).toEqual([]);
		expect(drops.trend).toMatchObject({ from_month: '2021-01', to_month: '2021-11', direction: 'down' });
		expect(drops.trend!.rate_per_month).toBeCloseTo(-0.078, 2);
		expect(drops.partial_months).toEqual(['2021-12']);
	});

	test('partial first and last months (June of 6 days, December of 1 day) are left out of change points and month-over-month drops', async () => {
		const db = await createNodeDb();
		try {
			await loadDataset(db, [{ source: fixture('resonance__partial-june-6-days_july-peak_partial-december-1-day.csv') }], { time_zone: 'UTC' });
			const monthly = await monthlySeries(db);
			expect(monthly.map((row) => [row.month, row.messages, row.coverage])).toEqual([
				['2019-06', 6, 6 / 30],
				['2019-07', 90, 1],
				['2019-08', 40, 1],
				['2019-09', 42, 1],
				['2019-10', 41, 1],
				['2019-11', 43, 1],
				['2019-12', 3, 1 / 31]
			]);
			// December's 3 messages are below half the median (42) of September–November, but it had one day.
			expect(monthlyDrops(monthly)).toEqual({ changepoints: [], trend: null, month_over_month: [], partial_months: ['2019-06', '2019-12'] });
			// Partial months scaled to a full month (June 30, December 93) move July's bases: prominence 90 − max(30, 40), not 90 − max(6, 3).
			const peaks = peakReport(monthly.map(({ month, ...row }) => ({ period_start: `${month}-01`, ...row })), { grain: 'month' });
			expect(peaks.median).toBe(42);
			expect(peaks.peaks.map((peak) => [peak.label, peak.value, peak.prominence])).toEqual([['2019-07', 90, 50]]);
		} finally {
			await db.close();
		}
	});
});
