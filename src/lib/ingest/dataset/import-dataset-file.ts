import type { Db, FileSource } from '../../db/db';
import { insertRows } from '../../db/insert-rows';
import type { SourceCapabilities } from '../canonical-message';
import { parseDatasetFileMetadata, type ConvertedFrom, type DatasetFileMetadata } from './dataset-file-metadata';
import { DATASET_COLUMNS } from './dataset-columns';
import { createZoneOffsetsTable } from '../time/zone-offsets-table';

export interface DatasetFileInput {
	/** The file's name, for messages. */
	name: string;
	source: FileSource;
	/** Parquet (the command line, other engines) or a DuckDB database file (the browser: duckdb-wasm has no Parquet reader). */
	container: 'parquet' | 'duckdb';
}

/**
 * Appends the messages of a dataset file written by `resonance convert` to `messages` as they are: they were
 * validated and their words counted when it was written. Its metadata is the Parquet key-value metadata
 * `resonance`, or the one row of the DuckDB file's `resonance_dataset`. Refuses, in one line, a file that is not
 * a Resonance dataset or whose columns are not the dataset's. Times are moved to `time_zone` when the file was
 * written in another zone; the roster and the export's role hints go to `roster` and `member_hints`, from
 * which `members` is rebuilt.
 */
export async function importDatasetFile(
	db: Db,
	input: DatasetFileInput,
	options: { time_zone: string; import_id: number; without_text?: boolean }
): Promise<{ rows: number; capabilities: SourceCapabilities; converted_from: ConvertedFrom }> {
	const file_name = `import_${options.import_id}.${input.container}`;
	const schema = `dataset_${options.import_id}`;
	let attached = false;
	let table: string;
	let json: string | null;
	if (input.container === 'parquet') {
		const [{ readable }] = await db.query<{ readable: boolean }>(
			`SELECT count(*) > 0 AS readable FROM duckdb_extensions() WHERE extension_name = 'parquet' AND loaded`
		);
		// duckdb-wasm 1.32 has no built-in Parquet reader and would fetch one from the internet, which this app never does.
		if (!readable) {
			throw new Error(`${input.name} is a Parquet file, which the in-browser DuckDB cannot read offline: open it with the resonance command line, or convert to DATA.duckdb for the dashboard.`);
		}
	}
	await db.registerFile(file_name, input.source);
	try {
		if (input.container === 'parquet') {
			table = `read_parquet('${file_name}')`;
			const [kv] = await db.query<{ json: string }>(`SELECT decode(value) AS json FROM parquet_kv_metadata('${file_name}') WHERE decode(key) = 'resonance'`);
			json = kv?.json ?? null;
		} else {
			// ATTACH does not look in file_search_path, where the native engine places registered files; duckdb-wasm finds them by name.
			const [{ folder }] = await db.query<{ folder: string }>(`SELECT current_setting('file_search_path') AS folder`);
			const path = folder ? `${folder}/${file_name}` : file_name;
			await db.exec(`ATTACH '${path.replaceAll("'", "''")}' AS ${schema} (READ_ONLY)`);
			attached = true;
			table = `${schema}.messages`;
			const [{ has_metadata }] = await db.query<{ has_metadata: boolean }>(
				`SELECT count(*) > 0 AS has_metadata FROM duckdb_tables() WHERE database_name = '${schema}' AND table_name = 'resonance_dataset'`
			);
			json = has_metadata ? ((await db.query<{ metadata: string }>(`SELECT metadata FROM ${schema}.resonance_dataset`))[0]?.metadata ?? null) : null;
		}
		const metadata = parseDatasetFileMetadata(input.name, input.container === 'parquet' ? 'Parquet' : 'DuckDB', json);
		const columns = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${table}`);
		const found = columns.map((column) => `${column.column_name} ${column.column_type}`).join(', ');
		const expected = DATASET_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');
		if (found !== expected) throw new Error(`${input.name} is a Resonance dataset whose columns are not the dataset's (${found}; expected ${expected}).`);

		// Without text, words are 0 as for any export loaded without text.
		const columns_from = (alias: string, sent_at = `${alias}.sent_at`) =>
			DATASET_COLUMNS.map(([name]) =>
				name === 'sent_at' ? sent_at : options.without_text && name === 'text' ? "''" : options.without_text && name === 'words' ? '0' : `${alias}.${name}`
			).join(', ');
		const rows_before = await countMessages(db);
		if (metadata.time_zone === options.time_zone) {
			await db.exec(`INSERT INTO messages SELECT ${columns_from('d')}, ${options.import_id} FROM ${table} d`);
		} else {
			await rezonedInsert(db, table, columns_from('m', 'm.utc_at + to_minutes(z.offset_minutes)'), metadata.time_zone, options);
		}
		await keepRosterAndHints(db, metadata);
		const { created_at, created_by, files, roster, without_text } = metadata;
		return { rows: (await countMessages(db)) - rows_before, capabilities: metadata.capabilities, converted_from: { created_at, created_by, files, roster, without_text } };
	} finally {
		if (attached) await db.exec(`DETACH ${schema}`);
		await db.dropFile(file_name);
	}
}

async function countMessages(db: Db): Promise<number> {
	const [{ rows }] = await db.query<{ rows: number }>('SELECT count(*)::INTEGER AS rows FROM messages');
	return rows;
}

/**
 * Inserts with every `sent_at` moved from `from_zone`'s wall clock to `options.time_zone`'s. The offset of the
 * old zone is looked up at the wall-clock time read as UTC, so only times within an offset of a change are
 * off by that change.
 */
async function rezonedInsert(db: Db, table: string, columns: string, from_zone: string, options: { time_zone: string; import_id: number }) {
	const [from_ms, to_ms] = [Date.UTC(1990, 0, 1), Date.UTC(2101, 0, 1)];
	await createZoneOffsetsTable(db, from_zone, from_ms, to_ms);
	await db.exec('CREATE OR REPLACE TEMP TABLE from_zone_offsets AS FROM zone_offsets');
	await createZoneOffsetsTable(db, options.time_zone, from_ms, to_ms);
	await db.exec(`INSERT INTO messages
		SELECT ${columns}, ${options.import_id}
		FROM (
			SELECT d.*, d.sent_at - to_minutes(f.offset_minutes) AS utc_at
			FROM (SELECT *, row_number() OVER () AS ordinal FROM ${table}) d
			ASOF JOIN from_zone_offsets f ON epoch_ms(d.sent_at)::DOUBLE >= f.utc_from_ms
		) m
		ASOF JOIN zone_offsets z ON epoch_ms(m.utc_at)::DOUBLE >= z.utc_from_ms
		ORDER BY m.ordinal;
		DROP TABLE from_zone_offsets`);
}

async function keepRosterAndHints(db: Db, metadata: DatasetFileMetadata): Promise<void> {
	await db.exec(`CREATE TABLE IF NOT EXISTS roster (author VARCHAR, role VARCHAR, cohort VARCHAR);
		CREATE TABLE IF NOT EXISTS member_hints (author_id VARCHAR, hint VARCHAR)`);
	if (metadata.roster_entries.length > 0) {
		await insertRows(db, 'dataset_roster', { author: 'VARCHAR', role: 'VARCHAR', cohort: 'VARCHAR' }, metadata.roster_entries.map((entry) => ({ ...entry })));
		// Two datasets converted with one roster name its members once.
		await db.exec(`INSERT INTO roster SELECT author, role, cohort FROM dataset_roster d WHERE NOT EXISTS (SELECT 1 FROM roster r WHERE r.author = d.author);
			DROP TABLE dataset_roster`);
	}
	if (metadata.member_hints.length > 0) {
		await insertRows(db, 'dataset_hints', { author_id: 'VARCHAR', hint: 'VARCHAR' }, metadata.member_hints.map((hint) => ({ ...hint })));
		await db.exec('INSERT INTO member_hints SELECT author_id, hint FROM dataset_hints; DROP TABLE dataset_hints');
	}
}
