/** One counter running apart from the page or the CLI's main thread: a Web Worker or a Node worker thread. */
export interface WordCounter {
	/** Word counts of these texts, in order; batches sent one after another are answered in order. */
	count(texts: string[]): Promise<Int32Array>;
	close(): void;
}

/** Several counters working as one. */
export interface WordCountPool {
	countTexts(texts: string[]): Promise<Int32Array>;
	close(): void;
}

/**
 * Splits each batch evenly between the counters and puts the counts back in order. A counter that
 * fails rejects the batch; close() stops every counter.
 */
export function wordCountPool(counters: WordCounter[]): WordCountPool {
	return {
		async countTexts(texts) {
			const share = Math.ceil(texts.length / counters.length);
			const parts = await Promise.all(counters.map((counter, index) => counter.count(texts.slice(index * share, (index + 1) * share))));
			const counts = new Int32Array(texts.length);
			parts.forEach((part, index) => counts.set(part, index * share));
			return counts;
		},
		close: () => counters.forEach((counter) => counter.close())
	};
}
