import type { WordCounter } from './word-count-pool';

/**
 * A WordCounter over a worker that answers batches in the order they were sent. The caller wires the
 * worker's answers to `answer` and its failures to `fail`; a failure or close() rejects every batch still
 * waiting, so nothing waits forever on a worker that is gone.
 */
export function queuedWordCounter(post: (texts: string[]) => void, terminate: () => void) {
	const waiting: { resolve: (counts: Int32Array) => void; reject: (error: Error) => void }[] = [];
	const fail = (error: Error) => {
		for (const pending of waiting.splice(0)) pending.reject(error);
	};
	const counter: WordCounter = {
		count: (texts) =>
			new Promise<Int32Array>((resolve, reject) => {
				waiting.push({ resolve, reject });
				post(texts);
			}),
		close() {
			terminate();
			fail(new Error('Word counting was stopped'));
		}
	};
	return { counter, answer: (counts: Int32Array) => waiting.shift()?.resolve(counts), fail };
}
