import { m } from '../../i18n/messages';
import { countWordsOfEach } from './count-words-of-each';
import { queuedWordCounter } from './queued-word-counter';
import { wordCountPool, type WordCounter, type WordCountPool } from './word-count-pool';

/**
 * Counts words in Web Workers, so segmenting a million Chinese texts (about 8 µs each in Chromium)
 * leaves the page free. The database worker is idle meanwhile, so each batch is split over one worker
 * per core, up to four.
 */
export function startWordCountWorkers(cores = globalThis.navigator?.hardwareConcurrency ?? 1): WordCountPool {
	if (typeof Worker === 'undefined') return { countTexts: async (texts) => countWordsOfEach(texts), close() {} };
	return wordCountPool(Array.from({ length: Math.max(1, Math.min(4, cores)) }, startWorker));
}

function startWorker(): WordCounter {
	const worker = new Worker(new URL('./count-words.worker.ts', import.meta.url), { type: 'module' });
	const queue = queuedWordCounter((texts) => worker.postMessage(texts), () => worker.terminate());
	worker.onmessage = (event: MessageEvent<Int32Array>) => queue.answer(event.data);
	worker.onerror = (event) => {
		event.preventDefault();
		queue.fail(new Error(event.message ? m.word_counting_stopped({ reason: event.message }) : m.word_counting_worker_failed()));
	};
	return queue.counter;
}
