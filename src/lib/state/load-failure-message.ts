import { DatabaseStoppedError } from '../db/database-stopped-error';
import { importError } from '../i18n/import-error';
import { m } from '../i18n/messages';

export interface LoadFailure {
	/** One or two sentences for the person who loaded the files. */
	message: string;
	/** The browser ran out of memory (or the database worker died): the database should be started afresh. */
	out_of_memory: boolean;
}

// DuckDB: "Out of Memory Error: failed to allocate data of size …", "could not allocate block of size …";
// V8: "RangeError: Array buffer allocation failed", "Invalid string length" (a string over ~512 MB), "Invalid
// typed array length"; wasm: "Aborted(OOM)", "Cannot enlarge memory arrays".
const OUT_OF_MEMORY = /out of memory|could not allocate|failed to allocate|allocation failed|invalid (string|typed array|array) length|aborted\(oom\)|cannot enlarge memory/i;

/**
 * What to say when loading `files` failed with `error`: its first line in the interface language, or, when memory
 * ran out, which files failed at what size and what to try instead.
 */
export function loadFailureMessage(error: unknown, files: readonly { name: string; size_bytes: number }[], options: { without_text: boolean }): LoadFailure {
	const text = error instanceof Error ? error.message : String(error);
	const first_line = importError(text.split('\n')[0]);
	const stopped = error instanceof DatabaseStoppedError;
	if (!stopped && !OUT_OF_MEMORY.test(text)) return { message: first_line, out_of_memory: false };
	const total_bytes = files.reduce((sum, file) => sum + file.size_bytes, 0);
	const names = files.map((file) => file.name).join(', ');
	const what = stopped ? m.load_failure_database_stopped() : m.load_failure_out_of_memory();
	const tries = [
		...(options.without_text ? [] : [m.load_failure_try_without_text()]),
		m.load_failure_try_split(),
		m.load_failure_try_cli()
	];
	return {
		message: m.load_failure({ names, size: formatBytes(total_bytes), what, tries: tries.join(m.load_failure_or()), error: first_line }),

		out_of_memory: true
	};
}

/** Binary units, as the progress line shows them. */
function formatBytes(bytes: number): string {
	if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
	if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
	return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
