import { describe, expect, it } from 'vitest';
import { countWordsOfEach } from '../src/lib/ingest/words/count-words-of-each';
import { countEachDistinctText } from './count-each-distinct-text';

describe('countEachDistinctText', () => {
	it('gives every text its own count, in order, and passes each distinct text to the counter once', async () => {
		const batches: string[][] = [];
		const count = countEachDistinctText((texts) => (batches.push(texts), countWordsOfEach(texts)));
		const counts = await count(['好的', '谢谢老师', '好的', '我们明天见', '谢谢老师', '好的']);
		expect([...counts]).toEqual([...countWordsOfEach(['好的', '谢谢老师', '好的', '我们明天见', '谢谢老师', '好的'])]);
		expect(batches).toEqual([['好的', '谢谢老师', '我们明天见']]);
	});

	it('passes a batch without repeats through as it is', async () => {
		const batches: string[][] = [];
		const texts = ['一', '二二', '三三三'];
		await countEachDistinctText((batch) => (batches.push(batch), countWordsOfEach(batch)))(texts);
		expect(batches[0]).toBe(texts);
	});
});
