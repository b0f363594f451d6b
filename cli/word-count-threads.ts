import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { m } from '../src/lib/i18n/messages';
import { queuedWordCounter } from '../src/lib/ingest/words/queued-word-counter';
import { wordCountPool, type WordCounter, type WordCountPool } from '../src/lib/ingest/words/word-count-pool';

/**
 * The CLI's word counters: Node worker threads, one per core and at most four (Intl.Segmenter on a
 * million Chinese texts is the CLI's longest step when it runs on the main thread alone).
 */
export function startWordCountThreads(cores = availableParallelism()): WordCountPool {
	return wordCountPool(Array.from({ length: Math.max(1, Math.min(4, cores)) }, startThread));
}

function startThread(): WordCounter {
	const worker = new Worker(new URL('./count-words-thread.js', import.meta.url));
	const queue = queuedWordCounter((texts) => worker.postMessage(texts), () => void worker.terminate());
	worker.on('message', (counts: Int32Array) => queue.answer(counts));
	worker.on('error', (error) => queue.fail(new Error(m.word_counting_stopped({ reason: error.message }))));
	worker.on('exit', (code) => queue.fail(new Error(m.word_counting_thread_exited({ code }))));
	return queue.counter;
}
