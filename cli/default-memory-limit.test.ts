import { describe, expect, it } from 'vitest';
import { defaultMemoryLimit } from './default-memory-limit';

const GIB = 2 ** 30;
const MIB = 2 ** 20;

describe('defaultMemoryLimit', () => {
	it('is 256 MiB for small files', () => {
		expect(defaultMemoryLimit([{ path: 'chat.txt', bytes: 20_000 }], 24 * GIB)).toBe('256MiB');
	});

	it('is the input size for a large export, summed over the files', () => {
		expect(defaultMemoryLimit([{ path: 'a.json', bytes: 700 * MIB }, { path: 'b.csv', bytes: 324 * MIB }], 24 * GIB)).toBe('1024MiB');
	});

	it('counts zips and dataset files at four times their size', () => {
		expect(defaultMemoryLimit([{ path: 'WhatsApp Chat.ZIP', bytes: 100 * MIB }, { path: 'data.parquet', bytes: 50 * MIB }], 24 * GIB)).toBe('600MiB');
	});

	it('never asks for more than half the RAM', () => {
		expect(defaultMemoryLimit([{ path: 'huge.csv', bytes: 30 * GIB }], 24 * GIB)).toBe('12288MiB');
	});
});
