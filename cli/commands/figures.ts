import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATASET_OPTIONS, engineOptions, loadCliDataset } from '../load-cli-dataset';
import { applyAnalysisSettings } from '../../src/lib/metrics/apply-analysis-settings';
import { FILTER_OPTIONS, filterDaysProblem, readFilterArgs } from '../filter-args';
import { UsageError } from '../usage-error';
import { dashboardFigures } from '../../src/lib/figures/dashboard-figures';
import { exportAbout, type ExportAbout } from '../../src/lib/figures/export-about';
import { filterSentence } from '../../src/lib/figures/filter-sentence';
import { keywordTrendFigure } from '../../src/lib/figures/keyword-trend-figure';
import { figureList } from '../../src/lib/figures/figure-id';
import type { FigureSpec } from '../../src/lib/figures/figure-spec';
import { figuresZip } from '../../src/lib/figures/figures-zip';
import { renderedFigure } from '../../src/lib/figures/rendered-figure';
import { serverChartMarkup } from '../../src/lib/figures/server-chart-markup';
import { tidyCsv } from '../../src/lib/figures/tidy-csv';
import { analyzeDataset } from '../../src/lib/metrics/analyze-dataset';
import { reportFigure } from '../../src/lib/report/report-figure';
import { reportHtml } from '../../src/lib/report/report-html';
import { reportTables } from '../../src/lib/report/report-tables';
import type { ReportTable } from '../../src/lib/report/report-table';
import { peakReport } from '../../src/lib/metrics/peaks/peak-report';
import { activitySeries } from '../../src/lib/metrics/series/activity-series';
import { MessageQueryError } from '../../src/lib/metrics/search/message-query';
import { queryTrend } from '../../src/lib/metrics/search/query-trend';
import { defaultAnalysisSettings } from '../../src/lib/settings/default-analysis-settings';
import { machineTimeZone } from '../machine-time-zone';
import { readSettings } from '../read-settings';
import { m } from '../../src/lib/i18n/messages';
import type { CliIo } from '../cli-io';

/** `resonance figures`: every figure of the dashboard, as the SVG files its export buttons give; `--zip` and `--report` as its "Export all" and "Share as a report" buttons give (without PNGs or message text); with `--query` also the trend the messages panel draws for that search. */
export async function figuresCommand(argv: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			...DATASET_OPTIONS,
			...FILTER_OPTIONS,
			config: { type: 'string' },
			out: { type: 'string' },
			zip: { type: 'string' },
			report: { type: 'string' },
			width: { type: 'string' },
			height: { type: 'string' },
			presentation: { type: 'boolean', default: false },
			query: { type: 'string' },
			regex: { type: 'boolean', default: false }
		}
	});
	if (!values.out && !values.zip && !values.report) throw new Error(m.cli_figures_give_out());
	const presentation = values.presentation ?? false;
	const size = { width: pixels(values.width, '--width', presentation ? 1280 : 960), height: pixels(values.height, '--height', presentation ? 720 : 560), presentation };
	const settings = values.config ? readSettings(values.config, machineTimeZone(io.env)) : defaultAnalysisSettings(machineTimeZone(io.env));
	if (values.tz !== undefined) settings.time_zone = values.tz;
	const days_problem = filterDaysProblem(values);
	if (days_problem) throw new UsageError(days_problem);
	const { db } = await loadCliDataset(positionals, { roster: values.roster, tz: settings.time_zone, ...engineOptions(values) });
	let figures: FigureSpec[];
	let about: ExportAbout;
	let tables: ReportTable[];
	try {
		await applyAnalysisSettings(db, settings);
		const analysis = await analyzeDataset(db, settings, 'month', await readFilterArgs(db, values));
		const weeks = await activitySeries(db, 'week');
		const by_week = { ...analysis, grain: 'week' as const, series: weeks, peaks: peakReport(weeks, { grain: 'week', sensitivity: settings.peak_sensitivity, events: settings.events }) };
		figures = [...figureList(dashboardFigures(analysis, settings)), ...figureList(dashboardFigures(by_week, settings)).filter((figure) => figure.name === 'weekly-activity')];
		if (values.query !== undefined) {
			const { query, regex } = values;
			const rows = await queryTrend(db, query, { grain: 'month', regex }).catch((error: unknown) => {
				throw error instanceof MessageQueryError ? new UsageError(`--query: ${error.message}`) : error;
			});
			// As the messages panel draws it: per month, all roles together, the filter in the caption.
			figures.push(keywordTrendFigure({ query, regex, grain: 'month', by_role: false, rows }, settings, filterSentence(analysis.filter.applied, analysis.filter.options)));
		}
		about = exportAbout(analysis, settings, positionals.map((path) => basename(path)).join(', '));
		tables = reportTables(analysis);
	} finally {
		await db.close();
	}
	const rendered = figures.map((figure) => renderedFigure(serverChartMarkup, figure, size));
	if (values.out) {
		mkdirSync(values.out, { recursive: true });
		for (const figure of rendered) {
			writeFileSync(resolve(values.out, `${figure.name}.svg`), figure.svg);
			writeFileSync(resolve(values.out, `${figure.name}.csv`), tidyCsv(figure.rows));
			io.stdout.write(`${resolve(values.out, figure.name)}.svg\n`);
		}
	}
	if (values.zip) {
		writeFileSync(values.zip, figuresZip(rendered, about));
		io.stdout.write(`${resolve(values.zip)}\n`);
	}
	if (values.report) {
		const generated_at = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
		const report_figures = figures.map((figure) => reportFigure(serverChartMarkup, figure, size));
		writeFileSync(values.report, reportHtml({ about, generated_at, figures: report_figures, tables }));
		io.stdout.write(`${resolve(values.report)}\n`);
	}
	return 0;
}

function pixels(value: string | undefined, flag: string, fallback: number): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!(Number.isInteger(number) && number >= 200 && number <= 10_000)) throw new Error(m.cli_figures_bad_size({ flag, value: String(value) }));
	return number;
}

