import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticExport } from '../../../bench/generate-export';

const dir = await mkdtemp(join(tmpdir(), 'resonance-export-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeSyntheticExport', () => {
	it('streams N rows of a valid Resonance CSV at about 100 bytes a row', async () => {
		const path = join(dir, 'export-20k.csv');
		const { bytes } = await writeSyntheticExport(path, 20_000, 7);
		const csv = await readFile(path, 'utf8');
		expect(Buffer.byteLength(csv)).toBe(bytes);
		expect(bytes / 20_000).toBeGreaterThan(70);
		expect(bytes / 20_000).toBeLessThan(130);
		const { data, errors } = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
		expect(errors).toEqual([]);
		expect(data).toHaveLength(20_000);
		expect(Object.keys(data[0])).toEqual(['message_id', 'timestamp', 'author', 'role', 'text', 'likes', 'reply_to', 'kind']);
		const position = new Map(data.map((row, index) => [row.message_id, index]));
		data.forEach((row, index) => {
			if (index > 0) expect(row.timestamp >= data[index - 1].timestamp).toBe(true);
			if (row.reply_to !== '') expect(position.get(row.reply_to)!).toBeLessThan(index);
		});
		expect(new Set(data.map((row) => row.author)).size).toBeGreaterThan(150);
		expect(data[0].timestamp.slice(0, 4)).toBe('2019');
		expect(data[data.length - 1].timestamp.slice(0, 4)).toBe('2022');
		expect(data.some((row) => /[\u4e00-\u9fff]/.test(row.text))).toBe(true);
		expect(data.some((row) => row.reply_to !== '')).toBe(true);
	});

	it('writes the same bytes for the same seed', async () => {
		await writeSyntheticExport(join(dir, 'a.csv'), 5_000, 3);
		await writeSyntheticExport(join(dir, 'b.csv'), 5_000, 3);
		expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe(await readFile(join(dir, 'b.csv'), 'utf8'));
	});
});
