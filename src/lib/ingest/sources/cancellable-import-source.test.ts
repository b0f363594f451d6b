import { describe, expect, it } from 'vitest';
import type { ImportSource } from './import-source';
import { cancellableImportSource } from './cancellable-import-source';

function threeChunks(): ImportSource {
	const bytes = new TextEncoder().encode('abcdef');
	return {
		name: 'three.csv',
		size_bytes: 6,
		db_source: { bytes },
		readHead: async (max_bytes) => bytes.subarray(0, max_bytes),
		readAll: async () => bytes,
		async *chunks() {
			yield bytes.subarray(0, 2);
			yield bytes.subarray(2, 4);
			yield bytes.subarray(4);
		}
	};
}

describe('cancellableImportSource(source, stop)', () => {
	it('reads like the source while stop() returns null', async () => {
		const source = cancellableImportSource(threeChunks(), () => null);
		expect(source).toMatchObject({ name: 'three.csv', size_bytes: 6 });
		expect(new TextDecoder().decode(await source.readAll())).toBe('abcdef');
		expect(new TextDecoder().decode(await source.readHead(3))).toBe('abc');
		const chunks: string[] = [];
		for await (const chunk of source.chunks()) chunks.push(new TextDecoder().decode(chunk));
		expect(chunks).toEqual(['ab', 'cd', 'ef']);
	});

	it('stops between chunks, and every later read throws the error stop() returns', async () => {
		let cancelled: Error | null = null;
		const source = cancellableImportSource(threeChunks(), () => cancelled);
		const chunks: string[] = [];
		await expect(
			(async () => {
				for await (const chunk of source.chunks()) {
					chunks.push(new TextDecoder().decode(chunk));
					cancelled = new Error('Loading three.csv was cancelled.');
				}
			})()
		).rejects.toThrow('Loading three.csv was cancelled.');
		expect(chunks).toEqual(['ab']);
		await expect(source.readAll()).rejects.toThrow('was cancelled');
		await expect(source.readHead(2)).rejects.toThrow('was cancelled');
	});
});
