import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATASET_OPTIONS, loadCliDataset } from '../load-cli-dataset';
import StepCurveChart from '../../src/lib/charts/StepCurveChart.svelte';
import TimelineChart from '../../src/lib/charts/TimelineChart.svelte';
import { chartFigure } from '../../src/lib/figures/chart-figure';
import { methodCaption } from '../../src/lib/figures/method-caption';
import { serverChartMarkup } from '../../src/lib/figures/server-chart-markup';
import { tidyCsv, type TidyValue } from '../../src/lib/figures/tidy-csv';
import type { Db } from '../../src/lib/db/db';
import { monthlyDrops } from '../../src/lib/metrics/drops/monthly-drops';
import { retentionCurves } from '../../src/lib/metrics/drops/retention-curves';
import { monthlySeries } from '../../src/lib/metrics/monthly-series';
import { peakReport } from '../../src/lib/metrics/peaks/peak-report';
import { activitySeries } from '../../src/lib/metrics/series/activity-series';
import type { AnalysisSettings } from '../../src/lib/settings/analysis-settings';
import { applyAnalysisSettings } from '../../src/lib/settings/apply-analysis-settings';
import { defaultAnalysisSettings } from '../../src/lib/settings/default-analysis-settings';
import { parseAnalysisSettings } from '../../src/lib/settings/parse-analysis-settings';

export const figuresUsage = `resonance figures FILE... --out DIR [--roster FILE] [--tz ZONE] [--config SETTINGS.json]
                  [--width PX] [--height PX] [--presentation]
    import the files (one dataset) and write one standalone SVG per chart into DIR, with the data behind
    it as a tidy CSV beside it: monthly-activity, weekly-activity, retention. The same data, size and
    title give the same bytes as the browser's figure export. Default size 960×560 (1280×720 with
    --presentation: larger type, thicker marks)`;

/** A figure the command writes: `name.svg` and `name.csv`. */
interface Figure {
	name: string;
	svg: string;
	rows: Record<string, TidyValue>[];
}

/** `resonance figures`: every chart the metrics in the tree can feed, as SVG files for papers and talks. */
export async function figuresCommand(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			...DATASET_OPTIONS,
			config: { type: 'string' },
			out: { type: 'string' },
			width: { type: 'string' },
			height: { type: 'string' },
			presentation: { type: 'boolean', default: false }
		}
	});
	if (!values.out) throw new Error('give --out DIR, the folder to write the figures into');
	const presentation = values.presentation ?? false;
	const width = pixels(values.width, '--width', presentation ? 1280 : 960);
	const height = pixels(values.height, '--height', presentation ? 720 : 560);
	const settings = values.config ? readSettings(values.config) : defaultAnalysisSettings();
	if (values.tz !== undefined) settings.time_zone = values.tz;
	const { db } = await loadCliDataset(positionals, { roster: values.roster, tz: settings.time_zone });
	let figures: Figure[];
	try {
		await applyAnalysisSettings(db, settings);
		figures = await makeFigures(db, settings, { width, height, presentation });
	} finally {
		await db.close();
	}
	mkdirSync(values.out, { recursive: true });
	for (const figure of figures) {
		writeFileSync(resolve(values.out, `${figure.name}.svg`), figure.svg);
		writeFileSync(resolve(values.out, `${figure.name}.csv`), tidyCsv(figure.rows));
		process.stdout.write(`${resolve(values.out, figure.name)}.svg\n`);
	}
	return 0;
}

async function makeFigures(db: Db, settings: AnalysisSettings, size: { width: number; height: number; presentation: boolean }): Promise<Figure[]> {
	const options = (title: string, caption: string) => ({ title, caption, ...size });
	const counted = { excluded_kinds: settings.excluded_kinds };
	const { time_zone, stages, events } = settings;
	const figures: Figure[] = [];

	const monthly = await monthlySeries(db);
	if (monthly.length === 0) return figures;
	const month_range = [monthly[0].month, monthly[monthly.length - 1].month] as const;
	const month_peaks = peakReport(await activitySeries(db, 'month'), { grain: 'month', sensitivity: settings.peak_sensitivity, events }).peaks;
	const { changepoints, month_over_month } = monthlyDrops(monthly);
	const has_likes = monthly.some((row) => row.likes !== null);
	const stageOf = (first_day: string, last_day: string) =>
		stages.filter((stage) => stage.start <= last_day && stage.end >= first_day).map((stage) => stage.name).join(' / ') || null;
	figures.push({
		name: 'monthly-activity',
		svg: chartFigure(
			serverChartMarkup,
			TimelineChart,
			{
				points: monthly.map((row) => ({ label: row.month, value: row.messages, secondary: row.likes })),
				grain: 'month' as const,
				peaks: month_peaks.map((peak) => ({ label: peak.label, event_label: peak.event?.label ?? null })),
				change_points: changepoints.map(({ month, ...change }) => ({ label: month, ...change })),
				drops: month_over_month.map((drop) => ({ label: drop.month, previous_median: drop.previous_median })),
				stages,
				events
			},
			options(has_likes ? 'Messages and likes per month' : 'Messages per month', methodCaption({ counted, time_zone, date_range: month_range }))
		),
		rows: monthly.map((row) => {
			const peak = month_peaks.find((candidate) => candidate.label === row.month);
			const change = changepoints.find((candidate) => candidate.month === row.month);
			return {
				month: row.month,
				messages: row.messages,
				likes: row.likes,
				peak: peak !== undefined,
				peak_event: peak?.event?.label ?? null,
				change_point: change?.direction ?? null,
				level_before: change?.mean_before ?? null,
				level_after: change?.mean_after ?? null,
				drop: month_over_month.some((drop) => drop.month === row.month),
				stage: stageOf(`${row.month}-01`, `${row.month}-31`)
			};
		})
	});

	const weekly = await activitySeries(db, 'week');
	const week_peaks = peakReport(weekly, { grain: 'week', sensitivity: settings.peak_sensitivity, events }).peaks;
	figures.push({
		name: 'weekly-activity',
		svg: chartFigure(
			serverChartMarkup,
			TimelineChart,
			{
				points: weekly.map((row) => ({ label: row.period_start, value: row.messages })),
				grain: 'week' as const,
				peaks: week_peaks.map((peak) => ({ label: peak.period_start, event_label: peak.event?.label ?? null })),
				stages,
				events
			},
			options(
				'Messages per week',
				methodCaption({ counted, time_zone, date_range: [weekly[0].period_start, weekly[weekly.length - 1].period_start] }) + ' Weeks start on Monday.'
			)
		),
		rows: weekly.map((row) => {
			const peak = week_peaks.find((candidate) => candidate.period_start === row.period_start);
			return { week_start: row.period_start, messages: row.messages, peak: peak !== undefined, peak_event: peak?.event?.label ?? null };
		})
	});

	const retention = await retentionCurves(db);
	const by_cohort = retention.length > 1 ? retention.slice(1) : retention;
	figures.push({
		name: 'retention',
		svg: chartFigure(
			serverChartMarkup,
			StepCurveChart,
			{
				curves: by_cohort.map((curve) => ({
					label: curve.cohort === 'all' ? 'All members' : curve.cohort,
					steps: curve.steps.map((step) => ({ time: step.time / DAYS_PER_MONTH, survival: step.survival, censored: step.censored, at_risk: step.at_risk }))
				})),
				x_label: 'Months from first to last message',
				y_label: 'Share of members still active'
			},
			options(
				retention.length > 1 ? 'How long members stay active, by cohort' : 'How long members stay active',
				methodCaption({ counted, time_zone, date_range: month_range }) +
					' Kaplan–Meier estimate of the span from a member’s first to last message; members who posted in the last 30 days are censored (ticks).'
			)
		),
		rows: by_cohort.flatMap((curve) =>
			curve.steps.map((step) => ({ cohort: curve.cohort, span_days: step.time, at_risk: step.at_risk, ended: step.events, censored: step.censored, survival: step.survival }))
		)
	});
	return figures;
}

// Months of the retention axis are average Gregorian months; the CSV keeps the exact days.
const DAYS_PER_MONTH = 365.2425 / 12;

function pixels(value: string | undefined, flag: string, fallback: number): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!(Number.isInteger(number) && number >= 200 && number <= 10_000)) throw new Error(`${flag} must be a whole number of pixels from 200 to 10000, not "${value}"`);
	return number;
}

function readSettings(path: string): AnalysisSettings {
	if (!existsSync(path)) throw new Error(`${path}: no such file`);
	try {
		return parseAnalysisSettings(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new Error(`${path}: ${error instanceof Error ? error.message : error}`);
	}
}
