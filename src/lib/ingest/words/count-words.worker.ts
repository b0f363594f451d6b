import { countWordsOfEach } from './count-words-of-each';

// Each message is a batch of texts; the answer is their word counts, in order.
self.onmessage = (event: MessageEvent<string[]>) => {
	const counts = countWordsOfEach(event.data);
	self.postMessage(counts, { transfer: [counts.buffer] });
};
