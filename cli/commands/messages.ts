import { spreadsheetSafeCell } from '../../src/lib/ingest/spreadsheet/spreadsheet-safe-cell';
import { KeptMatches } from '../../src/lib/metrics/search/kept-matches';
import { messageFiltersProblem, type MessageFilters } from '../../src/lib/metrics/search/message-filters';
import { MessageQueryError } from '../../src/lib/metrics/search/message-query';
import { applyAnalysisSettings } from '../../src/lib/metrics/apply-analysis-settings';
import { defaultAnalysisSettings } from '../../src/lib/settings/default-analysis-settings';
import { DATASET_OPTIONS, engineOptions, loadCliDataset } from '../load-cli-dataset';
import { readFilterArgs } from '../filter-args';
import { machineTimeZone } from '../machine-time-zone';
import { parseCommandArgs } from '../parse-command-args';
import { readSettings } from '../read-settings';
import { UsageError } from '../usage-error';
import { csvStdoutBom } from '../csv-stdout-bom';
import { m } from '../../src/lib/i18n/messages';
import type { CliIo } from '../cli-io';

const BATCH_ROWS = 100_000;

/** `resonance messages`: the counted messages behind a number, filtered by time, member and query, as spreadsheet-safe CSV. */
export async function messagesCommand(argv: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseCommandArgs(argv, {
		...DATASET_OPTIONS,
		config: { type: 'string' },
		month: { type: 'string' },
		from: { type: 'string' },
		to: { type: 'string' },
		member: { type: 'string' },
		query: { type: 'string' },
		regex: { type: 'boolean' },
		// --from, --to and --member above mean what they mean in the filter of the other commands.
		role: { type: 'string', multiple: true },
		source: { type: 'string', multiple: true },
		kind: { type: 'string', multiple: true }
	});
	if (values.month !== undefined && (values.from !== undefined || values.to !== undefined)) throw new UsageError(m.cli_messages_month_or_days());
	if (values.regex && values.query === undefined) throw new UsageError(m.cli_messages_regex_needs_query());
	const filters: MessageFilters = { month: values.month, from: values.from, to: values.to, member: values.member, query: values.query, regex: values.regex };
	const problem = messageFiltersProblem(filters);
	if (problem) throw new UsageError(`--${problem}`);
	const settings = values.config ? readSettings(values.config, machineTimeZone(io.env)) : defaultAnalysisSettings(machineTimeZone(io.env));
	if (values.tz !== undefined) settings.time_zone = values.tz;
	const { db } = await loadCliDataset(positionals, { roster: values.roster, tz: settings.time_zone, ...engineOptions(values) });
	try {
		await applyAnalysisSettings(db, settings);
		if (values.role || values.source || values.kind) {
			await applyAnalysisSettings(db, settings, await readFilterArgs(db, { role: values.role, source: values.source, kind: values.kind }));
		}
		if (values.member !== undefined) {
			const [{ known }] = await db.query<{ known: boolean }>('SELECT count(*) > 0 AS known FROM members WHERE author_id = ? OR author_name = ?', [values.member, values.member]);
			if (!known) throw new UsageError(m.cli_messages_no_member({ member: values.member }));
		}
		// Found once, then read in batches of ranks: no batch filters and sorts the messages again.
		const matches = await KeptMatches.keep(db, filters).catch(asUsageError);
		for (let offset = 0; ; offset += BATCH_ROWS) {
			const rows = await matches.page({ limit: BATCH_ROWS, offset });
			// The header follows the first page, which is where a query is checked: an error leaves stdout empty.
			if (offset === 0) io.stdout.write(csvStdoutBom(io.stdout) + 'message_id,timestamp,author,role,text,likes,parent_id,rule\r\n');
			io.stdout.write(
				rows
					.map((row) =>
						[
							spreadsheetSafeCell(row.message_id),
							row.timestamp,
							spreadsheetSafeCell(row.author),
							spreadsheetSafeCell(row.role ?? ''),
							spreadsheetSafeCell(row.text),
							row.likes ?? '',
							spreadsheetSafeCell(row.parent_id ?? ''),
							row.rule
						].join(',') + '\r\n'
					)
					.join('')
			);
			if (rows.length < BATCH_ROWS) break;
		}
		return 0;
	} finally {
		await db.close();
	}
}

function asUsageError(error: unknown): never {
	throw error instanceof MessageQueryError ? new UsageError(`--query: ${error.message}`) : error;
}
