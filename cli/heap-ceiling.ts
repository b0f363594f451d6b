import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MB = 2 ** 20;

export interface HeapCeiling {
	/** Full collections the ceiling has asked for. */
	readonly collections: number;
	stop(): void;
}

/**
 * Collects this thread's JS heap whenever it has grown `step_mb` past what was left after the last collection.
 * V8 otherwise let the CLI's garbage (insert CSVs, reply-inference chunks) grow the heap to 170–280 MB between
 * its own collections with 40–60 MB live, all of it resident beside DuckDB's memory. A collection costs tens of
 * milliseconds; at 48 MB steps a 1M-message analyze took 1% more CPU time (docs/performance.md).
 */
export function startHeapCeiling(step_mb = 48, every_ms = 200): HeapCeiling {
	// Flags cannot resize a running heap, but --expose-gc reaches contexts made after it.
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as () => void;
	const used = () => getHeapStatistics().used_heap_size;
	let ceiling = used() + step_mb * MB;
	let collections = 0;
	const timer = setInterval(() => {
		if (used() < ceiling) return;
		gc();
		collections++;
		ceiling = used() + step_mb * MB;
	}, every_ms);
	timer.unref();
	return {
		get collections() {
			return collections;
		},
		stop: () => clearInterval(timer)
	};
}
