import type { Db, FileSource } from '../../db/db';
import type { RejectedRow, SourceCapabilities } from '../canonical-message';
import { CONTROL_CHARACTERS } from '../text/strip-control-characters';
import { createZoneOffsetsTable } from '../time/zone-offsets-table';
import type { ColumnMapping } from './column-mapping';
import { csvRecordLines } from './csv-record-lines';

/** A CSV file ready for DuckDB: registered under `file_name`, re-readable for line numbers. */
export interface CsvImportInput {
	/** Shown as the rows' `source`. */
	name: string;
	source: FileSource;
	/** The file's bytes in order, read again only when rows were rejected (to report their lines). */
	chunks: () => AsyncIterable<Uint8Array>;
	column_count: number;
	/** The file holds control characters: they are stripped from text and authors (and counted). */
	control_characters: boolean;
}

export interface CsvImportOptions {
	mapping: ColumnMapping;
	time_zone: string;
	import_id: number;
}

export interface CsvImportResult {
	rows: number;
	rejected: RejectedRow[];
	capabilities: SourceCapabilities;
	/** Imported rows whose text or author had control characters removed. */
	control_characters_stripped: number;
}

const LOCAL_FORMATS = [
	'%Y-%m-%d %H:%M:%S',
	'%Y-%m-%d %H:%M:%S.%f',
	'%Y-%m-%d %H:%M',
	'%Y-%m-%dT%H:%M:%S',
	'%Y-%m-%dT%H:%M:%S.%f',
	'%Y-%m-%dT%H:%M',
	'%Y/%m/%d %H:%M:%S',
	'%Y/%m/%d %H:%M',
	'%Y-%m-%d'
];
const FORMATS_SQL = `[${LOCAL_FORMATS.map((format) => `'${format}'`).join(', ')}]`;
const OFFSET_PATTERN = `(Z|[+-]\\d{2}:?\\d{2})$`;

/**
 * Loads a CSV into `messages` with DuckDB's `read_csv` (declared VARCHAR columns, rejects stored), then
 * types and validates every row in SQL. Rows that fail are reported with their physical line and reason,
 * so imported + rejected = data rows in the file.
 */
export async function importCsv(db: Db, input: CsvImportInput, options: CsvImportOptions): Promise<CsvImportResult> {
	const { mapping } = options;
	if (mapping.timestamp === undefined || mapping.author === undefined) {
		throw new Error('Choose which columns hold the timestamp and the author (a Resonance CSV names them timestamp and author).');
	}
	const file_name = `import_${options.import_id}.csv`;
	let reading = input;
	await db.registerFile(file_name, input.source);
	try {
		const columns = Array.from({ length: input.column_count }, (_, index) => `'c${index}': 'VARCHAR'`).join(', ');
		// Only mapped columns are kept: an unmapped text column (a load without text) costs no memory.
		const mapped_columns = [...new Set(Object.values(mapping))].map((index) => `c${index}`).join(', ');
		const strip = (field: keyof ColumnMapping) =>
			input.control_characters && (field === 'text' || field === 'author' || field === 'author_id')
				? `regexp_replace(c${mapping[field]}, '${CONTROL_CHARACTERS}', '', 'g')`
				: `c${mapping[field]}`;
		const column = (field: keyof ColumnMapping) => (mapping[field] === undefined ? 'NULL::VARCHAR' : `nullif(trim(${strip(field)}), '')`);
		const stripped = input.control_characters
			? `(${(['text', 'author', 'author_id'] as const)
					.filter((field) => mapping[field] !== undefined)
					.map((field) => `coalesce(regexp_matches(c${mapping[field]}, '${CONTROL_CHARACTERS}'), false)`)
					.join(' OR ')})`
			: 'false';
		await createZoneOffsetsTable(db, options.time_zone, Date.UTC(1990, 0, 1), Date.UTC(2101, 0, 1));
		await db.exec('DROP TABLE IF EXISTS import_rejects; DROP TABLE IF EXISTS import_scans');
		const [{ loaded }] = await db.query<{ loaded: boolean }>('SELECT EXISTS (FROM messages) AS loaded');
		const final_id = `coalesce(${column('message_id')}, 'f${options.import_id}-' || ordinal)`;
		// Read the file once into raw_import (the file's order, so rowid numbers the records at no cost), then
		// check every row in a narrow table that holds no text: only the rows' typed times, likes and verdicts.
		// The messages are then copied once from raw_import. (A window over whole rows to find repeated ids, and
		// a typed copy of every row before the insert, cost 4.7 s of an 8 s import at a million rows.)
		const check_sql = `
			CREATE OR REPLACE TEMP TABLE raw_import AS
			SELECT ${mapped_columns} FROM read_csv('${file_name}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
				columns = {${columns}}, store_rejects = true, rejects_table = 'import_rejects',
				rejects_scan = 'import_scans', max_line_size = 16777216, buffer_size = 33554432);
			CREATE OR REPLACE TEMP TABLE repeated_ids AS
			SELECT ${final_id} AS final_id, min(ordinal) AS first_ordinal
			FROM (SELECT rowid + 1 AS ordinal, * FROM raw_import)
			${mapping.message_id === undefined ? 'WHERE false' : ''}
			GROUP BY ALL HAVING count(*) > 1;
			CREATE OR REPLACE TEMP TABLE checked_import AS
			WITH fields AS (
				SELECT ordinal,
					${final_id} AS final_id,
					${column('timestamp')} AS timestamp_text,
					${column('author')} AS author_name,
					${column('likes')} AS likes_text,
					${column('reply_to')} IS NOT NULL AS has_reply
				FROM (SELECT rowid + 1 AS ordinal, * FROM raw_import)
			), parsed AS (
				-- DuckDB casts '1.5' to 2 and '1e3' to 1000: only digits are a count.
				SELECT *, try_strptime(timestamp_text, ${FORMATS_SQL}) AS naive_at,
					CASE WHEN regexp_full_match(likes_text, '[+-]?\\d+') THEN try_cast(likes_text AS INTEGER) END AS likes
				FROM fields
			), instants AS (
				SELECT *,
					CASE
						WHEN naive_at IS NOT NULL THEN NULL
						WHEN regexp_full_match(timestamp_text, '\\d{9,10}(\\.\\d+)?')
							THEN make_timestamp((timestamp_text::DOUBLE * 1000000)::BIGINT)
						WHEN regexp_full_match(timestamp_text, '\\d{12,13}')
							THEN make_timestamp(timestamp_text::BIGINT * 1000)
						WHEN regexp_matches(timestamp_text, '\\d${OFFSET_PATTERN}')
							THEN try_strptime(regexp_replace(timestamp_text, '${OFFSET_PATTERN}', ''), ${FORMATS_SQL})
								- to_minutes(CASE WHEN regexp_matches(timestamp_text, 'Z$') THEN 0 ELSE
									(CASE WHEN regexp_extract(timestamp_text, '([+-])\\d{2}:?\\d{2}$', 1) = '-' THEN -1 ELSE 1 END)
									* (regexp_extract(timestamp_text, '[+-](\\d{2}):?\\d{2}$', 1)::INTEGER * 60
										+ regexp_extract(timestamp_text, '[+-]\\d{2}:?(\\d{2})$', 1)::INTEGER) END)
					END AS utc_at
				FROM parsed
			), converted AS (
				-- Only instants meet the zone's offsets: an ASOF join over every row costs a sort of the whole file.
				SELECT i.ordinal, i.utc_at + to_minutes(z.offset_minutes) AS local_at
				FROM (SELECT ordinal, utc_at FROM instants WHERE utc_at IS NOT NULL) i
				ASOF JOIN zone_offsets z ON epoch_ms(i.utc_at)::DOUBLE >= z.utc_from_ms
			), zoned AS (
				SELECT i.*, coalesce(i.naive_at, c.local_at) AS local_at
				FROM instants i LEFT JOIN converted c ON c.ordinal = i.ordinal
			)
			SELECT z.ordinal, z.local_at, z.likes, z.utc_at IS NOT NULL AS aware, z.has_reply,
				CASE
					WHEN z.timestamp_text IS NULL THEN 'timestamp is empty'
					WHEN z.local_at IS NULL THEN 'timestamp "' || left(z.timestamp_text, 60) || '" is not a date and time'
					WHEN year(z.local_at) < 1990 OR year(z.local_at) > 2100
						THEN 'timestamp "' || left(z.timestamp_text, 60) || '" is out of range (1990–2100)'
					WHEN z.author_name IS NULL THEN 'author is empty'
					WHEN z.likes_text IS NOT NULL AND z.likes IS NULL AND regexp_full_match(z.likes_text, '\\+?0*\\d{10,}')
						THEN 'likes "' || left(z.likes_text, 40) || '" is larger than 2,147,483,647'
					WHEN z.likes_text IS NOT NULL AND z.likes IS NULL
						THEN 'likes "' || left(z.likes_text, 40) || '" is not a whole number'
					WHEN z.likes < 0 THEN 'likes is negative (' || z.likes || ')'
					WHEN r.first_ordinal < z.ordinal THEN 'message_id "' || left(z.final_id, 60) || '" appears earlier in the file'
					${loaded ? `WHEN z.final_id IN (SELECT message_id FROM messages)
						THEN 'message_id "' || left(z.final_id, 60) || '" is already loaded from another file'` : ''}
				END AS reject_reason
			FROM zoned z LEFT JOIN repeated_ids r ON r.final_id = z.final_id`;
		// DuckDB's reader expects one kind of line break per file. In a file that mixes them (a CR alone, or LF
		// rows in a CRLF file) it stops with an error or merges rows into one rejected row. Every CRLF, CR and
		// LF outside quotes is a line break (as in Python's and Excel's readers), so such a file is read again
		// with LF alone; that costs a full read, paid only by mixed files whose rows DuckDB rejected or could not split.
		const readWithLineFeeds = async (bytes: Uint8Array) => {
			reading = { ...input, source: { bytes }, chunks: async function* () { yield bytes; } };
			await db.dropFile(file_name);
			await db.registerFile(file_name, reading.source);
			await db.exec('DROP TABLE IF EXISTS import_rejects; DROP TABLE IF EXISTS import_scans');
			try {
				await db.exec(check_sql);
			} catch (error) {
				throw readFailure(input.name, error);
			}
		};
		try {
			await db.exec(check_sql);
		} catch (error) {
			const uniform = LINE_BREAK_FAILURE.test((error as Error).message) ? lineFeedsOnly(await readAll(input.chunks())) : null;
			if (!uniform) throw readFailure(input.name, error);
			await readWithLineFeeds(uniform);
		}
		if (reading === input) {
			const [{ structural }] = await db.query<{ structural: number }>('SELECT count(*)::INTEGER AS structural FROM import_rejects');
			if (structural > 0 && (await mixesLineBreaks(input.chunks()))) await readWithLineFeeds(lineFeedsOnly(await readAll(input.chunks()))!);
		}

		await db.query(
			`INSERT INTO messages
			SELECT ${final_id}, c.local_at, coalesce(${column('author_id')}, ${column('author')}), ${column('author')},
				lower(${column('role')}), coalesce(${mapping.text === undefined ? 'NULL::VARCHAR' : strip('text')}, ''),
				coalesce(lower(${column('kind')}), 'text'), c.likes, ${column('reply_to')}, ?, NULL, ?
			FROM (SELECT rowid + 1 AS ordinal, * FROM raw_import) r JOIN checked_import c USING (ordinal)
			WHERE c.reject_reason IS NULL`,
			[input.name, options.import_id]
		);
		const [{ control_characters_stripped }] = await db.query<{ control_characters_stripped: number }>(
			`SELECT count(*)::INTEGER AS control_characters_stripped
			FROM (SELECT rowid + 1 AS ordinal, * FROM raw_import) r JOIN checked_import c USING (ordinal)
			WHERE c.reject_reason IS NULL AND ${stripped}`
		);
		await db.exec('DROP TABLE raw_import; DROP TABLE repeated_ids');

		const rejected = await rejectedRows(db, reading);
		const [counts] = await db.query<{ rows: number; has_likes: boolean; has_replies: boolean; aware: boolean }>(
			`SELECT count(*)::INTEGER AS rows, bool_or(likes IS NOT NULL) AS has_likes,
				bool_or(has_reply) AS has_replies, coalesce(bool_and(aware), false) AS aware
			FROM checked_import WHERE reject_reason IS NULL`
		);
		return {
			rows: counts.rows,
			rejected,
			control_characters_stripped,
			capabilities: {
				reply_ids: mapping.reply_to !== undefined && Boolean(counts.has_replies),
				likes: mapping.likes !== undefined && Boolean(counts.has_likes),
				stable_ids: mapping.author_id !== undefined || mapping.author !== undefined,
				timezone_aware: Boolean(counts.aware)
			}
		};
	} finally {
		await db.exec(
			'DROP TABLE IF EXISTS raw_import; DROP TABLE IF EXISTS repeated_ids; DROP TABLE IF EXISTS checked_import; DROP TABLE IF EXISTS zone_offsets'
		);
		await db.dropFile(file_name);
	}
}

async function rejectedRows(db: Db, input: CsvImportInput): Promise<RejectedRow[]> {
	// One rejected row per line DuckDB names, with its first error. After a quote that closes too early, DuckDB
	// resumes inside the same line and may report one error there at the previous record's offset and another
	// at its own: the later offset is the one inside the rejected record.
	const structural = await db.query<{ byte_offset: number; error_type: string; error_message: string }>(
		`SELECT max(line_byte_position)::DOUBLE AS byte_offset,
			first(error_type ORDER BY line_byte_position, column_idx) AS error_type,
			first(error_message ORDER BY line_byte_position, column_idx) AS error_message
		FROM import_rejects GROUP BY line ORDER BY byte_offset`
	);
	const invalid = await db.query<{ ordinal: number; reject_reason: string }>(
		`SELECT ordinal::DOUBLE AS ordinal, reject_reason FROM checked_import WHERE reject_reason IS NOT NULL ORDER BY ordinal`
	);
	if (structural.length === 0 && invalid.length === 0) return [];
	const lines = await csvRecordLines(input.chunks(), {
		accepted_ordinals: invalid.map((row) => row.ordinal),
		rejected_offsets: structural.map((row) => row.byte_offset)
	});
	const rejected: RejectedRow[] = [
		...structural.map((row) => ({
			line: lines.offset_lines.get(row.byte_offset) ?? 0,
			reason: structuralReason(row.error_type, row.error_message, lines.open_quote_offset === row.byte_offset)
		})),
		...invalid.map((row) => ({ line: lines.ordinal_lines.get(row.ordinal) ?? 0, reason: row.reject_reason }))
	];
	return rejected.sort((a, b) => a.line - b.line);
}

function structuralReason(error_type: string, message: string, quote_open_at_end: boolean): string {
	const counts = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
	if (counts) return `row has ${counts[2]} columns, the header has ${counts[1]}`;
	if (error_type === 'UNQUOTED VALUE') {
		return quote_open_at_end
			? 'a quoted field is never closed (the rest of the file was read into it)'
			: 'a quoted field is followed by text before the next comma (a quote inside it is not doubled)';
	}
	if (error_type === 'LINE SIZE OVER MAXIMUM') return 'row is longer than 16 MB';
	if (error_type === 'INVALID ENCODING') return 'row is not valid UTF-8 text';
	return message.split('\n')[0];
}

const LINE_BREAK_FAILURE = /CSV Parser state machine reached an invalid state/;

/** A read failure DuckDB did not turn into rejected rows, as one line a person can act on. */
function readFailure(name: string, error: unknown): Error {
	const detail = String((error as Error)?.message ?? error).split('\n')[0].replace(/^(?:[A-Z][a-z]+ )*Error: /, '');
	return new Error(`${name} could not be read as CSV: ${detail}`);
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	for await (const chunk of chunks) parts.push(chunk);
	const bytes = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		bytes.set(part, offset);
		offset += part.length;
	}
	return bytes;
}

/** True when a file has a CR alone, or both CRLF and LF line breaks; read as a stream, nothing kept. */
async function mixesLineBreaks(chunks: AsyncIterable<Uint8Array>): Promise<boolean> {
	let crlf = false;
	let lone_lf = false;
	let previous = -1;
	for await (const chunk of chunks) {
		for (let index = 0; index < chunk.length; index++) {
			const byte = chunk[index];
			if (previous === 0x0d && byte !== 0x0a) return true;
			if (byte === 0x0a) {
				if (previous === 0x0d) crlf = true;
				else lone_lf = true;
				if (crlf && lone_lf) return true;
			}
			previous = byte;
		}
	}
	return previous === 0x0d;
}

/** The file with every line break as LF, when it mixes kinds (a CR alone, or both CRLF and LF); null otherwise. */
function lineFeedsOnly(bytes: Uint8Array): Uint8Array | null {
	let lone_cr = 0;
	let crlf = 0;
	let lone_lf = 0;
	for (let index = 0; index < bytes.length; index++) {
		if (bytes[index] === 0x0d) {
			if (bytes[index + 1] === 0x0a) {
				crlf++;
				index++;
			} else lone_cr++;
		} else if (bytes[index] === 0x0a) lone_lf++;
	}
	if (lone_cr === 0 && (crlf === 0 || lone_lf === 0)) return null;
	const out = new Uint8Array(bytes.length - crlf);
	let length = 0;
	for (let index = 0; index < bytes.length; index++) {
		if (bytes[index] === 0x0d) {
			out[length++] = 0x0a;
			if (bytes[index + 1] === 0x0a) index++;
		} else out[length++] = bytes[index];
	}
	return out;
}
