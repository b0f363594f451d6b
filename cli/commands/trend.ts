import { spreadsheetSafeCell } from '../../src/lib/ingest/spreadsheet/spreadsheet-safe-cell';
import { MessageQueryError } from '../../src/lib/metrics/search/message-query';
import { queryTrend } from '../../src/lib/metrics/search/query-trend';
import type { Grain } from '../../src/lib/metrics/series/activity-series';
import { applyAnalysisSettings } from '../../src/lib/metrics/apply-analysis-settings';
import { defaultAnalysisSettings } from '../../src/lib/settings/default-analysis-settings';
import { DATASET_OPTIONS, engineOptions, loadCliDataset } from '../load-cli-dataset';
import { FILTER_OPTIONS, filterDaysProblem, readFilterArgs } from '../filter-args';
import { machineTimeZone } from '../machine-time-zone';
import { parseCommandArgs } from '../parse-command-args';
import { readSettings } from '../read-settings';
import { UsageError } from '../usage-error';
import { csvStdoutBom } from '../csv-stdout-bom';
import { m } from '../../src/lib/i18n/messages';
import type { CliIo } from '../cli-io';

const GRAINS: readonly Grain[] = ['month', 'week', 'day'];

/** `resonance trend`: how many counted messages match a query, per month, week or day, as CSV. */
export async function trendCommand(argv: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseCommandArgs(argv, {
		...DATASET_OPTIONS,
		...FILTER_OPTIONS,
		config: { type: 'string' },
		query: { type: 'string' },
		regex: { type: 'boolean' },
		grain: { type: 'string', default: 'month' },
		'by-role': { type: 'boolean' }
	});
	if (values.query === undefined) throw new UsageError(m.cli_trend_give_query());
	const grain = values.grain as Grain;
	if (!GRAINS.includes(grain)) throw new UsageError(m.cli_trend_bad_grain({ grain: String(values.grain) }));
	const settings = values.config ? readSettings(values.config, machineTimeZone(io.env)) : defaultAnalysisSettings(machineTimeZone(io.env));
	if (values.tz !== undefined) settings.time_zone = values.tz;
	const days_problem = filterDaysProblem(values);
	if (days_problem) throw new UsageError(days_problem);
	const { db } = await loadCliDataset(positionals, { roster: values.roster, tz: settings.time_zone, ...engineOptions(values) });
	try {
		await applyAnalysisSettings(db, settings);
		await applyAnalysisSettings(db, settings, await readFilterArgs(db, values));
		const by_role = values['by-role'] ?? false;
		const rows = await queryTrend(db, values.query, { grain, by_role, regex: values.regex }).catch((error: unknown) => {
			throw error instanceof MessageQueryError ? new UsageError(`--query: ${error.message}`) : error;
		});
		const period = (start: string) => (grain === 'month' ? start.slice(0, 7) : start);
		io.stdout.write(
			csvStdoutBom(io.stdout) +
				(by_role ? 'period,role,messages,matching,share\r\n' : 'period,messages,matching,share\r\n') +
				rows
					.map((row) =>
						[period(row.period_start), ...(by_role ? [spreadsheetSafeCell(row.role ?? '')] : []), row.messages, row.matching, row.share ?? ''].join(',') + '\r\n'
					)
					.join('')
		);
		return 0;
	} finally {
		await db.close();
	}
}
