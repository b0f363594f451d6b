import type { Db } from '../../db/db';
import { insertRows } from '../../db/insert-rows';
import type { MemberHint, ParsedExport, ParsedExportEnd, RejectedRow } from '../canonical-message';
import type { ColumnMapping } from '../csv/column-mapping';
import type { ExportFile, FormatAdapter, ImportedMessages } from '../formats/format-adapter';
import type { ImportReport } from '../import-report';
import { lookAlikeNames } from '../members/look-alike-names';
import type { ImportSource } from '../sources/import-source';
import type { ExportInspection } from '../inspect-export';
import { parsedExportBatches } from '../formats/parsed-export-batches';
import { createMessagesTable } from './messages-table';
import { ParsedImportStaging } from './parsed-import-staging';
import { stripControlCharacters } from '../text/strip-control-characters';
import { m } from '../../i18n/messages';

export interface ImportOptions {
	time_zone: string;
	import_id: number;
	/** Overrides the inspected CSV mapping (the column-mapping step). */
	mapping?: ColumnMapping;
	/** Import every message with empty text (see DatasetOptions.without_text). */
	without_text?: boolean;
	onStage?: (stage: string) => void;
	/** Parses a JS-format export elsewhere (the browser: in a Web Worker); by default the adapter parses on this thread. */
	parse?: (adapter_id: string, file: ExportFile, options: { time_zone: string; onStage?: (stage: string) => void }) => Promise<ParsedExport>;
}

/** Imports one inspected file into `messages` and reports what was imported and what was rejected. */
export async function importExport(
	db: Db,
	source: ImportSource,
	inspection: ExportInspection,
	options: ImportOptions
): Promise<ImportReport> {
	await createMessagesTable(db);
	if (inspection.kind === 'roster') {
		throw new Error(`${source.name} is a roster (author,role[,cohort]), not messages: give it as the roster of an export (--roster FILE).`);
	}
	options.onStage?.(m.dashboard_reading_rows());
	const { adapter } = inspection;
	const { rows, rejected, capabilities, format, control_characters_stripped, converted_from } =
		'importInto' in adapter ? await adapter.importInto(db, source, options) : await importParsed(db, source, adapter, options);

	const [summary] = await db.query<{ first_at: string | null; last_at: string | null; members: number }>(
		`SELECT strftime(min(sent_at), '%Y-%m-%d %H:%M:%S') AS first_at, strftime(max(sent_at), '%Y-%m-%d %H:%M:%S') AS last_at,
			count(DISTINCT author_id)::INTEGER AS members
		FROM messages WHERE import_id = ?`,
		[options.import_id]
	);
	const look_alike_names = lookAlikeNames(
		await db.query<{ author_id: string; author_name: string }>(
			`SELECT author_id, author_name FROM messages WHERE import_id = ? GROUP BY author_id, author_name ORDER BY min(sent_at), author_id, author_name`,
			[options.import_id]
		)
	);
	const kinds = await db.query<{ kind: string; rows: number }>(
		`SELECT kind, count(*)::INTEGER AS rows FROM messages WHERE import_id = ? GROUP BY kind ORDER BY rows DESC, kind`,
		[options.import_id]
	);
	return {
		format,
		source: source.name,
		rows,
		rejected: rejected.length,
		rows_by_kind: Object.fromEntries(kinds.map((row) => [row.kind, row.rows])),
		errors: rejected,
		control_characters_stripped,
		capabilities,
		first_message_at: summary.first_at,
		last_message_at: summary.last_at,
		members: summary.members,
		...(look_alike_names.length > 0 ? { look_alike_names } : {}),
		time_zone: options.time_zone,
		...(converted_from ? { converted_from } : {})
	};
}

/** Imports a format read in JS: its canonical messages are staged into `messages`, batch by batch. */
async function importParsed(db: Db, source: ImportSource, adapter: FormatAdapter, options: ImportOptions): Promise<ImportedMessages> {
	const parse_options = { time_zone: options.time_zone };
	// In the browser the whole parse runs in a worker the page can stop (options.parse); elsewhere an adapter that
	// streams reads the file batch by batch, so memory does not grow with the file.
	const streamed = !options.parse && adapter.parseStream !== undefined;
	const batches = options.parse
		? parsedExportBatches(await options.parse(adapter.id, { name: source.name, bytes: await source.readAll() }, { ...parse_options, onStage: options.onStage }))
		: adapter.parseStream
			? adapter.parseStream(source, parse_options)
			: parsedExportBatches(adapter.parse({ name: source.name, bytes: await source.readAll() }, parse_options));
	const staging = new ParsedImportStaging(db, options.import_id);
	const parsed_rejected: RejectedRow[] = [];
	let end: ParsedExportEnd | undefined;
	let messages = 0;
	let duplicates: RejectedRow[];
	let control_characters_stripped = 0;
	try {
		for await (const batch of batches) {
			control_characters_stripped += stripControlCharacters(batch.messages);
			// The adapter has already decided each message's kind from its content; only then is the text let go.
			if (options.without_text) for (const message of batch.messages) message.text = '';
			await staging.append(batch.messages);
			messages += batch.messages.length;
			for (const row of batch.rejected) parsed_rejected.push(row);
			end = batch.end ?? end;
		}
		if (!end) throw new Error(`${source.name}: the ${adapter.label} reader stopped before the end of the file.`);
		duplicates = await staging.finish({ null_likes: streamed && !end.capabilities.likes });
	} finally {
		await staging.discard();
	}
	await keepMemberHints(db, end.member_hints ?? []);
	return {
		rows: messages - duplicates.length,
		// A streamed adapter's rejected rows come batch by batch, not in line order.
		rejected: duplicates.length === 0 && !streamed ? parsed_rejected : [...duplicates, ...parsed_rejected].sort((a, b) => a.line - b.line),
		capabilities: end.capabilities,
		format: end.format,
		control_characters_stripped
	};
}

/** Appends an adapter's role hints to `member_hints` (rebuildMembers gives them to `members.hint`). */
async function keepMemberHints(db: Db, hints: MemberHint[]): Promise<void> {
	await db.exec('CREATE TABLE IF NOT EXISTS member_hints (author_id VARCHAR, hint VARCHAR)');
	if (hints.length === 0) return;
	await insertRows(db, 'parsed_hints', { author_id: 'VARCHAR', hint: 'VARCHAR' }, hints.map((hint) => ({ ...hint })));
	await db.exec('INSERT INTO member_hints SELECT author_id, hint FROM parsed_hints; DROP TABLE parsed_hints');
}
