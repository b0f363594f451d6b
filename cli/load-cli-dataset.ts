import type { Db } from '../src/lib/db/db';
import { statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { resolve } from 'node:path';
import type { ConvertedFrom } from '../src/lib/ingest/dataset/dataset-file-metadata';
import { loadDataset } from '../src/lib/ingest/load-dataset';
import { readRoster } from '../src/lib/ingest/members/read-roster';
import { countWordsOfEach } from '../src/lib/ingest/words/count-words-of-each';
import { isValidTimeZone } from '../src/lib/ingest/time/wall-clock';
import type { WordCountPool } from '../src/lib/ingest/words/word-count-pool';
import { countEachDistinctText } from './count-each-distinct-text';
import { defaultMemoryLimit } from './default-memory-limit';
import { machineTimeZone } from './machine-time-zone';
import { pathImportSource } from './path-import-source';
import { phaseTimings } from './phase-timings';
import { startWordCountThreads } from './word-count-threads';
import { importError } from '../src/lib/i18n/import-error';
import { m } from '../src/lib/i18n/messages';
import { rejectionReason } from '../src/lib/i18n/rejection-reason';

/** parseArgs options every command that loads a dataset accepts. */
export const DATASET_OPTIONS = {
	roster: { type: 'string' },
	tz: { type: 'string' },
	engine: { type: 'string' },
	'memory-limit': { type: 'string' },
	'temp-dir': { type: 'string' }
} as const;

/** How the native engine may use the machine: --memory-limit (default from the input's size) and --temp-dir for what spills past it. */
export interface EngineOptions {
	engine?: string;
	memory_limit?: string;
	temp_dir?: string;
	/** the files to be read, whose size sets the default memory limit */
	input_files?: readonly string[];
}

/** The engine options of parsed DATASET_OPTIONS flags. */
export function engineOptions(values: { engine?: string; 'memory-limit'?: string; 'temp-dir'?: string }): EngineOptions {
	return { engine: values.engine, memory_limit: values['memory-limit'], temp_dir: values['temp-dir'] };
}

/** The database a command runs on: native DuckDB (threads, spills to disk), or the browser's duckdb-wasm for comparison. */
export async function createCliDb({ engine = 'native', memory_limit, temp_dir, input_files = [] }: EngineOptions = {}): Promise<Db> {
	// Each engine is imported only when chosen: loading the other one would cost start-up time.
	if (engine === 'native') {
		if (memory_limit !== undefined && !/^\d+(?:\.\d+)?\s*(?:[KMGT]i?B|%)$/i.test(memory_limit)) {
			throw new Error(m.cli_memory_limit_not_size({ value: memory_limit }));
		}
		const default_limit = () => defaultMemoryLimit(input_files.map((path) => ({ path, bytes: fileBytes(path) })), totalmem());
		return (await import('../src/lib/db/duckdb-native')).createNativeDb({ memory_limit: memory_limit ?? default_limit(), temp_directory: temp_dir && resolve(temp_dir) });
	}
	if (memory_limit !== undefined || temp_dir !== undefined) throw new Error(m.cli_native_only());
	if (engine === 'wasm') return (await import('../src/lib/db/duckdb-node')).createNodeDb();
	throw new Error(m.cli_unknown_engine({ engine }));
}

/** A file's size; 0 when it cannot be read (the import says why). */
function fileBytes(path: string): number {
	try {
		return statSync(path).size;
	} catch {
		return 0;
	}
}

/** The `import` object of the CLI's JSON: what was read from the files, summed over them. */
export interface CliImportSummary {
	format: string;
	rows: number;
	rejected: number;
	errors: { source: string; line: number; reason: string }[];
	capabilities: { reply_ids: boolean; likes: boolean; stable_ids: boolean; timezone_aware: boolean };
	first_message_at: string | null;
	last_message_at: string | null;
	members: number;
	time_zone: string;
	files: { source: string; format: string; rows: number; rejected: number }[];
	/** The --roster file: members it names (`rows`) and its rejected rows, by line and reason; null without one. */
	roster: { source: string; rows: number; rejected: number; errors: { line: number; reason: string }[] } | null;
	/** For each dataset file `resonance convert` wrote: what it was converted from. */
	converted_from?: ({ source: string } & ConvertedFrom)[];
}

/**
 * Loads FILE… (plus --roster, --tz, default the machine's zone) into a new Node DuckDB for a CLI command. Throws a one-line reason
 * when nothing at all could be imported.
 */
export async function loadCliDataset(
	files: string[],
	options: { roster?: string; tz?: string; without_text?: boolean } & EngineOptions
): Promise<{ db: Db; report: CliImportSummary }> {
	if (files.length === 0) throw new Error(m.cli_give_a_file());
	const time_zone = options.tz ?? machineTimeZone();
	if (!isValidTimeZone(time_zone)) throw new Error(m.cli_unknown_time_zone({ zone: time_zone }));
	const roster = options.roster ? await readRoster(pathImportSource(options.roster), time_zone).catch(throwInCliLanguage) : undefined;
	const db = await createCliDb({ ...options, input_files: files });
	// Threads take a few hundred milliseconds to start: small batches are counted here.
	let threads: WordCountPool | null = null;
	const word_counting = { texts: 0, ms: 0 };
	const countDistinct = countEachDistinctText((texts) =>
		texts.length < 5_000 ? countWordsOfEach(texts) : (threads ??= startWordCountThreads()).countTexts(texts)
	);
	const countTexts = async (texts: string[]) => {
		const started_ms = performance.now();
		const counts = await countDistinct(texts);
		word_counting.texts += texts.length;
		word_counting.ms += performance.now() - started_ms;
		return counts;
	};
	try {
		const reports = await loadDataset(db, files.map((file) => ({ source: pathImportSource(file) })), {
			time_zone,
			roster: roster?.entries,
			without_text: options.without_text,
			countTexts
		}).finally(() => threads?.close());
		phaseTimings().report('word counting', word_counting.ms, `${word_counting.texts} texts, part of the import`);
		const rows = reports.reduce((sum, report) => sum + report.rows, 0);
		if (rows === 0) {
			const first = reports.flatMap((report) => report.errors)[0];
			const from = files.join(', ');
			throw new Error(first ? m.cli_nothing_imported_line({ files: from, line: first.line, reason: rejectionReason(first.reason) }) : m.cli_nothing_imported({ files: from }));
		}
		const [summary] = await db.query<{ first_at: string; last_at: string; members: number }>(
			`SELECT strftime(min(sent_at), '%Y-%m-%d %H:%M:%S') AS first_at, strftime(max(sent_at), '%Y-%m-%d %H:%M:%S') AS last_at,
				count(DISTINCT author_id)::INTEGER AS members FROM messages`
		);
		const converted_from = reports.flatMap((report) => (report.converted_from ? [{ source: report.source, ...report.converted_from }] : []));
		const every = (key: keyof CliImportSummary['capabilities']) => reports.every((report) => report.capabilities[key]);
		return {
			db,
			report: {
				format: [...new Set(reports.map((report) => report.format))].join('+'),
				rows,
				rejected: reports.reduce((sum, report) => sum + report.rejected, 0),
				errors: reports.flatMap((report) => report.errors.map((error) => ({ source: report.source, ...error }))),
				capabilities: { reply_ids: every('reply_ids'), likes: every('likes'), stable_ids: every('stable_ids'), timezone_aware: every('timezone_aware') },
				first_message_at: summary.first_at,
				last_message_at: summary.last_at,
				members: summary.members,
				time_zone,
				files: reports.map(({ source, format, rows, rejected }) => ({ source, format, rows, rejected })),
				roster: roster ? { source: options.roster!, rows: roster.report.rows, rejected: roster.report.rejected, errors: roster.report.errors } : null,
				...(converted_from.length > 0 ? { converted_from } : {})
			}
		};
	} catch (error) {
		await db.close();
		throwInCliLanguage(error);
	}
}

/** The importers throw in English (their words are also the dashboard's); the CLI's one-line error follows --lang. */
function throwInCliLanguage(error: unknown): never {
	if (error instanceof Error) error.message = importError(error.message);
	throw error;
}
