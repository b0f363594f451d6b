import { copyFileSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNativeDb } from '../../src/lib/db/duckdb-native';
import { parseDatasetFileMetadata } from '../../src/lib/ingest/dataset/dataset-file-metadata';
import { defaultAnalysisSettings } from '../../src/lib/settings/default-analysis-settings';
import { createCliDb, loadCliDataset } from '../load-cli-dataset';
import { analysisJson } from './analyze';
import { resonanceInProcess } from '../resonance-in-process';

const CLI_TIMEOUT_MS = 120_000;
const root = resolve(import.meta.dirname, '../..');
const resonance = (...args: string[]) => resonanceInProcess(args);
const qq = resolve(root, 'tests/fixtures/roles/qq-txt__owner-dan_admin-lin_3-students_no-roles_jan-mar-2021.txt');
const csv = resolve(root, 'tests/fixtures/dataset/resonance__6-rows_1-bad-date_zh-en_replies_sticker_offset-time.csv');
const roster = resolve(root, 'tests/fixtures/roles/roster__dan-mentor_2-bad-rows_1-lurker.csv');
let folder: string;
let dataset: string;
let duckdb_dataset: string;

async function analyze(files: string[], options: { roster?: string; tz?: string; engine?: string } = {}) {
	const settings = defaultAnalysisSettings(options.tz ?? 'Asia/Shanghai');
	const { db, report } = await loadCliDataset(files, { roster: options.roster, tz: settings.time_zone, engine: options.engine });
	try {
		return await analysisJson(db, report, settings);
	} finally {
		await db.close();
	}
}

async function kvMetadata(path: string): Promise<string | null> {
	const db = await createNativeDb();
	try {
		const [row] = await db.query<{ json: string }>(`SELECT decode(value) AS json FROM parquet_kv_metadata(?) WHERE decode(key) = 'resonance'`, [path]);
		return row?.json ?? null;
	} finally {
		await db.close();
	}
}

beforeAll(async () => {
	folder = mkdtempSync(resolve(tmpdir(), 'resonance-convert-'));
	dataset = resolve(folder, 'dataset.parquet');
	duckdb_dataset = resolve(folder, 'dataset.duckdb');
	await Promise.all([dataset, duckdb_dataset].map((out) => resonance('convert', qq, csv, '--roster', roster, '--tz', 'Asia/Shanghai', '--out', out)));
}, CLI_TIMEOUT_MS);

describe('resonance convert', () => {
	it.each(['parquet', 'duckdb'])('writes a %s dataset whose analysis equals the analysis of its files, but for where the import says it came from', async (container) => {
		const [original, converted] = await Promise.all([analyze([qq, csv], { roster }), analyze([resolve(folder, `dataset.${container}`)])]);
		const provenance = ['format', 'rejected', 'errors', 'files', 'roster', 'converted_from'] as const;
		const without = (json: typeof original) => ({ ...json, import: Object.fromEntries(Object.entries(json.import).filter(([key]) => !provenance.includes(key as never))) });
		expect(without(converted)).toEqual(without(original));
		expect(original.import.rows).toBe(25);
		expect(converted.import).toMatchObject({
			format: 'resonance-dataset',
			rows: 25,
			rejected: 0,
			errors: [],
			files: [{ source: `dataset.${container}`, format: 'resonance-dataset', rows: 25, rejected: 0 }],
			roster: null
		});
		const [provenance_of_file] = converted.import.converted_from!;
		expect(provenance_of_file).toEqual({
			source: `dataset.${container}`,
			created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			created_by: 'resonance convert 0.1.0',
			files: [
				{ source: 'qq-txt__owner-dan_admin-lin_3-students_no-roles_jan-mar-2021.txt', format: 'qq-txt', rows: 20, rejected: 0 },
				{ source: 'resonance__6-rows_1-bad-date_zh-en_replies_sticker_offset-time.csv', format: 'resonance-csv', rows: 5, rejected: 1 }
			],
			roster: { source: roster, rows: 2, rejected: 2 },
			without_text: false
		});
	});

	it('keeps the import report, roster and role hints as the Parquet key-value metadata `resonance`', async () => {
		const metadata = parseDatasetFileMetadata('dataset.parquet', 'Parquet', await kvMetadata(dataset));
		expect(metadata).toMatchObject({
			format: 'resonance-dataset/1',
			time_zone: 'Asia/Shanghai',
			capabilities: { reply_ids: false, likes: false, stable_ids: true, timezone_aware: false },
			roster_entries: [
				{ author: 'Dan老师', role: 'mentor', cohort: null },
				{ author: 'Eve', role: 'student', cohort: 'B' }
			]
		});
		expect(metadata.member_hints).toEqual([
			{ author_id: expect.any(String), hint: 'QQ group owner' },
			{ author_id: expect.any(String), hint: 'QQ group admin' }
		]);
	});

	it('opens the dataset in another time zone by moving every time, and without text with words 0', async () => {
		const utc = await analyze([dataset], { tz: 'UTC' });
		expect([utc.import.first_message_at, utc.import.last_message_at]).toEqual(['2021-01-04 12:00:00', '2021-04-01 00:30:00']);
		const settings = defaultAnalysisSettings('Asia/Shanghai');
		const { db } = await loadCliDataset([dataset], { tz: settings.time_zone, without_text: true });
		try {
			expect(await db.query(`SELECT count(*)::INTEGER AS rows, max(length(text))::INTEGER AS text, max(words)::INTEGER AS words FROM messages`)).toEqual([{ rows: 25, text: 0, words: 0 }]);
		} finally {
			await db.close();
		}
	});

	it('refuses a Parquet or DuckDB file that is not a Resonance dataset, and one whose columns are not the dataset\'s, in one line', async () => {
		const db = await createNativeDb();
		const foreign = resolve(folder, 'foreign.parquet');
		const renamed = resolve(folder, 'renamed-column.parquet');
		const foreign_duckdb = resolve(folder, 'foreign.duckdb');
		try {
			await db.exec(`COPY (SELECT 1 AS a) TO '${foreign}' (FORMAT parquet);
				ATTACH '${foreign_duckdb}' AS foreign_db; CREATE TABLE foreign_db.messages AS SELECT 1 AS a; DETACH foreign_db`);
			await db.exec(`COPY (SELECT * RENAME (author_id AS author) FROM read_parquet('${dataset}')) TO '${renamed}'
				(FORMAT parquet, KV_METADATA {resonance: '${(await kvMetadata(dataset))!.replaceAll("'", "''")}'})`);
		} finally {
			await db.close();
		}
		await expect(loadCliDataset([foreign], { tz: 'UTC' })).rejects.toThrow(/^foreign\.parquet is a Parquet file but not a Resonance dataset \(write one with resonance convert\)\.$/);
		await expect(loadCliDataset([foreign_duckdb], { tz: 'UTC' })).rejects.toThrow(/^foreign\.duckdb is a DuckDB file but not a Resonance dataset \(write one with resonance convert\)\.$/);
		await expect(loadCliDataset([renamed], { tz: 'UTC' })).rejects.toThrow(/^renamed-column\.parquet is a Resonance dataset whose columns are not the dataset's \(message_id VARCHAR, sent_at TIMESTAMP, author VARCHAR,/);
		await expect(loadCliDataset([dataset], { tz: 'UTC', engine: 'wasm' })).rejects.toThrow(
			'dataset.parquet is a Parquet file, which the in-browser DuckDB cannot read offline: open it with the resonance command line, or convert to DATA.duckdb for the dashboard.'
		);
	});

	it('refuses to write over an input, and leaves no partial file behind', async () => {
		const input = resolve(folder, 'input.parquet');
		copyFileSync(dataset, input);
		const size = statSync(input).size;
		await expect(resonance('convert', input, '--out', input)).rejects.toMatchObject({
			code: 1,
			stderr: `resonance: --out is the input file ${input} (or a link to it); write the dataset elsewhere\n`
		});
		expect(statSync(input).size).toBe(size);
		await expect(resonance('convert', csv, '--out', resolve(folder, 'data.csv'))).rejects.toMatchObject({ code: 2 });
		expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
		expect(existsSync(resolve(folder, 'data.csv'))).toBe(false);
	}, 2 * CLI_TIMEOUT_MS);
});

describe('--memory-limit and --temp-dir', () => {
	it('set the native engine\'s memory limit and spill folder; the default limit follows the input files\' size', async () => {
		const temp_dir = resolve(folder, 'spill');
		const db = await createCliDb({ memory_limit: '300MB', temp_dir });
		try {
			expect(await db.query(`SELECT current_setting('memory_limit') AS memory_limit, current_setting('temp_directory') AS temp_directory`)).toEqual([
				{ memory_limit: '286.1 MiB', temp_directory: temp_dir }
			]);
		} finally {
			await db.close();
		}
		const small_input = await createCliDb({ input_files: [csv] });
		try {
			// a small file: the 256 MiB floor (defaultMemoryLimit's own test covers the other cases)
			expect(await small_input.query(`SELECT current_setting('memory_limit') AS memory_limit`)).toEqual([{ memory_limit: '256.0 MiB' }]);
		} finally {
			await small_input.close();
		}
	});

	it('refuses a limit that is not a size, and either flag with the wasm engine', async () => {
		await expect(createCliDb({ memory_limit: 'lots' })).rejects.toThrow('--memory-limit "lots" is not a size (use e.g. 4GB or 512MB)');
		await expect(createCliDb({ engine: 'wasm', temp_dir: '/tmp' })).rejects.toThrow('--memory-limit and --temp-dir apply to the native engine only');
	});
});
