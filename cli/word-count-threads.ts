import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wordCountPool, type WordCounter, type WordCountPool } from '../src/lib/ingest/word-count-pool';

/**
 * The CLI's word counters: Node worker threads, one per core and at most four (Intl.Segmenter on a
 * million Chinese texts is the CLI's longest step when it runs on the main thread alone).
 */
export function startWordCountThreads(cores = availableParallelism()): WordCountPool {
	return wordCountPool(Array.from({ length: Math.max(1, Math.min(4, cores)) }, startThread));
}

function startThread(): WordCounter {
	const worker = new Worker(new URL('./count-words-thread.js', import.meta.url));
	const waiting: { resolve: (counts: Int32Array) => void; reject: (error: Error) => void }[] = [];
	const failAll = (error: Error) => {
		for (const pending of waiting.splice(0)) pending.reject(error);
	};
	worker.on('message', (counts: Int32Array) => waiting.shift()?.resolve(counts));
	worker.on('error', (error) => failAll(new Error(`Word counting stopped: ${error.message}`)));
	worker.on('exit', (code) => failAll(new Error(`Word counting stopped: its thread exited (code ${code})`)));
	return {
		count: (texts: string[]) =>
			new Promise<Int32Array>((resolve, reject) => {
				waiting.push({ resolve, reject });
				worker.postMessage(texts);
			}),
		close() {
			void worker.terminate();
			failAll(new Error('Word counting was stopped'));
		}
	};
}
