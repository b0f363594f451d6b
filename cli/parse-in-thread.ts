import { Worker } from 'node:worker_threads';
import type { ParsedBatch } from '../src/lib/ingest/canonical-message';
import type { FormatAdapter, ParseOptions } from '../src/lib/ingest/formats/format-adapter';
import type { ImportSource } from '../src/lib/ingest/sources/import-source';
import { m } from '../src/lib/i18n/messages';
import type { ParseThreadAnswer, ParseThreadRequest } from './post-parsed-batches';

/** The parse thread's heap: what a streamed parse keeps alive is a batch or two, so a small heap is collected often. */
export interface ParseThreadHeap {
	old_mb: number;
	young_mb: number;
}

/**
 * On the main thread V8 let the parse's garbage grow the heap to about 200 MB between collections (50 MB of it live);
 * a thread with these limits collects before that.
 */
export const PARSE_THREAD_HEAP: ParseThreadHeap = { old_mb: 64, young_mb: 16 };

/**
 * `adapter.parseStream` of a file on disk, run in a worker thread with a small heap; batches come back one at a time,
 * the next one parsed while this one is inserted. When the thread runs out of memory before its first batch (an
 * adapter that reads such a file whole, a full-account Telegram export), the file is read on this thread as
 * before; after it, the import stops with a one-line reason.
 */
export async function* parseInThread(
	adapter: FormatAdapter,
	source: ImportSource,
	options: ParseOptions,
	heap: ParseThreadHeap = PARSE_THREAD_HEAP
): AsyncGenerator<ParsedBatch> {
	if (!adapter.parseStream) throw new Error(`${adapter.label} is not read one message at a time.`);
	if (!('path' in source.db_source)) return yield* adapter.parseStream(source, options);
	const request: ParseThreadRequest = { adapter_id: adapter.id, path: source.db_source.path, time_zone: options.time_zone };
	const worker = new Worker(new URL('./parse-export-thread.js', import.meta.url), {
		workerData: request,
		resourceLimits: { maxOldGenerationSizeMb: heap.old_mb, maxYoungGenerationSizeMb: heap.young_mb }
	});
	const answers: (ParseThreadAnswer | { type: 'stopped'; out_of_memory: boolean; reason: string })[] = [];
	let wake: (() => void) | null = null;
	const deliver = (answer: (typeof answers)[number]) => {
		answers.push(answer);
		wake?.();
	};
	worker.on('message', deliver);
	worker.on('error', (error: Error & { code?: string }) =>
		deliver({ type: 'stopped', out_of_memory: error.code === 'ERR_WORKER_OUT_OF_MEMORY', reason: error.message })
	);
	worker.on('exit', (code) => deliver({ type: 'stopped', out_of_memory: false, reason: `exit code ${code}` }));
	let batches = 0;
	try {
		worker.postMessage('next');
		for (;;) {
			while (answers.length === 0) await new Promise<void>((resume) => (wake = resume));
			const answer = answers.shift()!;
			if (answer.type === 'done') return;
			if (answer.type === 'failed') throw new Error(answer.message);
			if (answer.type === 'stopped') {
				if (answer.out_of_memory && batches === 0) break;
				throw new Error(
					answer.out_of_memory ? m.parse_thread_out_of_memory({ file: source.name, megabytes: heap.old_mb }) : m.parse_thread_stopped({ file: source.name, reason: answer.reason })
				);
			}
			batches++;
			// Asked before this batch is inserted, so the thread parses the next one meanwhile.
			worker.postMessage('next');
			yield answer.batch;
		}
	} finally {
		worker.removeAllListeners();
		await worker.terminate();
	}
	yield* adapter.parseStream(source, options);
}
