// A worker thread of cli/word-count-threads.ts. Plain JavaScript, so it can register the TypeScript hooks
// itself before it loads the shared counter: a worker thread starts without the CLI's loaders.
import '../bin/register-hooks.js';

const { parentPort } = await import('node:worker_threads');
const { countWordsOfEach } = await import('../src/lib/ingest/words/count-words-of-each.ts');

// Each message is a batch of texts; the answer is their word counts, in order.
parentPort.on('message', (texts) => {
	const counts = countWordsOfEach(texts);
	parentPort.postMessage(counts, [counts.buffer]);
});
