import { expect, test } from 'vitest';
import { countWordsOfEach } from '../src/lib/ingest/words/count-words-of-each';
import { startWordCountThreads } from './word-count-threads';

test('worker threads count a batch as the main thread does, in order, split over the threads', async () => {
	const texts = Array.from({ length: 3_001 }, (_, index) =>
		index % 3 === 0 ? `今天第${index}次讨论病例，患者主诉胸痛。` : index % 3 === 1 ? `ok ${index} 好的` : 'สวัสดีครับ ทุกคน'
	);
	const threads = startWordCountThreads(3);
	try {
		expect(Array.from(await threads.countTexts(texts))).toEqual(Array.from(countWordsOfEach(texts)));
		expect(Array.from(await threads.countTexts([]))).toEqual([]);
	} finally {
		threads.close();
	}
});

test('a closed pool rejects instead of waiting forever', async () => {
	const threads = startWordCountThreads(1);
	const pending = threads.countTexts(['今天第一次独立问诊']);
	threads.close();
	await expect(pending).rejects.toThrow(/Word counting (was stopped|stopped)/);
});
