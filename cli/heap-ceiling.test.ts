import { getHeapStatistics } from 'node:v8';
import { expect, test } from 'vitest';
import { startHeapCeiling } from './heap-ceiling';

test('garbage past the step is collected: the heap falls back below the ceiling', async () => {
	const ceiling = startHeapCeiling(8, 5);
	try {
		// Kept long enough to reach the old generation (which V8 collects late), then let go.
		let rows: { text: string }[] | null = Array.from({ length: 500_000 }, (_, index) => ({ text: `message ${index}` }));
		const grown = getHeapStatistics().used_heap_size;
		expect(rows.length).toBe(500_000);
		rows = null;
		while (ceiling.collections === 0) await new Promise((resume) => setTimeout(resume, 5));
		expect(getHeapStatistics().used_heap_size).toBeLessThan(grown);
	} finally {
		ceiling.stop();
	}
});

test('a heap that stays under its step is left alone', async () => {
	const ceiling = startHeapCeiling(1024, 1);
	await new Promise((resume) => setTimeout(resume, 50));
	ceiling.stop();
	expect(ceiling.collections).toBe(0);
});
