import { DatabaseStoppedError } from '../db/database-stopped-error';

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
 * What to say when loading `files` failed with `error`: its first line, or, when memory ran out, which
 * files failed at what size and what to try instead.
 */
export function loadFailureMessage(error: unknown, files: readonly { name: string; size_bytes: number }[], options: { without_text: boolean }): LoadFailure {
	const text = error instanceof Error ? error.message : String(error);
	const first_line = text.split('\n')[0];
	const stopped = error instanceof DatabaseStoppedError;
	if (!stopped && !OUT_OF_MEMORY.test(text)) return { message: first_line, out_of_memory: false };
	const total_bytes = files.reduce((sum, file) => sum + file.size_bytes, 0);
	const names = files.map((file) => file.name).join(', ');
	const what = stopped ? 'the in-browser database stopped (most often because memory ran out)' : 'this browser tab ran out of memory';
	const tries = [
		...(options.without_text ? [] : ['load it again with “Load without message text” ticked (in the Data view; it uses much less memory)']),
		'split the file into smaller parts (for example one per year)',
		'use the command-line tool (resonance analyze FILE), which reads the file from disk'
	];
	return {
		message: `Loading ${names} (${formatBytes(total_bytes)}) failed: ${what}. Try to ${tries.join(', or ')}. (${first_line})`,
		out_of_memory: true
	};
}

/** Binary units, as the progress line shows them. */
function formatBytes(bytes: number): string {
	if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
	if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
	return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
