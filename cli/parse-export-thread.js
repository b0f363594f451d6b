// A worker thread of cli/parse-in-thread.ts. Plain JavaScript, so it can register the TypeScript hooks itself
// before it loads the format readers: a worker thread starts without the CLI's loaders.
import '../bin/register-hooks.js';

const { parentPort, workerData } = await import('node:worker_threads');
const { postParsedBatches } = await import('./post-parsed-batches.ts');

await postParsedBatches(workerData, parentPort);
