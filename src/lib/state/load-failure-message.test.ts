import { describe, expect, it } from 'vitest';
import { DatabaseStoppedError } from '../db/database-stopped-error';
import { bytesImportSource } from '../ingest/sources/bytes-import-source';
import { inspectExport } from '../ingest/inspect-export';
import { locale } from '../i18n/locale';
import { loadFailureMessage } from './load-failure-message';

const big = [{ name: 'group-chat.csv', size_bytes: 2.5 * 1024 ** 3 }];
const TRY_ALL =
	'Try to load it again with “Load without message text” ticked (in the Data view; it uses much less memory), or split the file into smaller parts (for example one per year), or use the command-line tool (resonance analyze FILE), which reads the file from disk.';

describe('loadFailureMessage(error, files, options)', () => {
	it.each([
		['DuckDB out of memory', new Error('Out of Memory Error: failed to allocate data of size 256.0 MiB (3.1 GiB/3.1 GiB used)\nPossible solutions: …')],
		['DuckDB block allocation', new Error('could not allocate block of size 256.0 KiB')],
		['V8 ArrayBuffer', new RangeError('Array buffer allocation failed')],
		['V8 string limit', new RangeError('Invalid string length')],
		['wasm abort', new Error('RuntimeError: Aborted(OOM)')]
	])('%s: says which file at what size ran out of memory and what to try', (_, error) => {
		const failure = loadFailureMessage(error, big, { without_text: false });
		expect(failure.out_of_memory).toBe(true);
		expect(failure.message).toBe(`Loading group-chat.csv (2.5 GB) failed: this browser tab ran out of memory. ${TRY_ALL} (${error.message.split('\n')[0]})`);
	});

	it('a crashed database worker counts as memory running out, with every file and their total size', () => {
		const failure = loadFailureMessage(
			new DatabaseStoppedError('The in-browser database stopped: Uncaught RuntimeError: unreachable'),
			[
				{ name: 'a.json', size_bytes: 300 * 1024 ** 2 },
				{ name: 'b.json', size_bytes: 212 * 1024 ** 2 }
			],
			{ without_text: false }
		);
		expect(failure).toEqual({
			out_of_memory: true,
			message: `Loading a.json, b.json (512 MB) failed: the in-browser database stopped (most often because memory ran out). ${TRY_ALL} (The in-browser database stopped: Uncaught RuntimeError: unreachable)`
		});
	});

	it('does not suggest loading without text when the load was already without text', () => {
		const failure = loadFailureMessage(new Error('Out of Memory Error: x'), [{ name: 'small.csv', size_bytes: 900 }], { without_text: true });
		expect(failure.message).toBe(
			'Loading small.csv (1 KB) failed: this browser tab ran out of memory. Try to split the file into smaller parts (for example one per year), or use the command-line tool (resonance analyze FILE), which reads the file from disk. (Out of Memory Error: x)'
		);
	});

	it('any other error is its first line, not a memory failure', () => {
		expect(loadFailureMessage(new Error('photo.csv is not a text file (it contains binary data).\nmore'), big, { without_text: false })).toEqual({
			message: 'photo.csv is not a text file (it contains binary data).',
			out_of_memory: false
		});
		expect(loadFailureMessage('plain string', big, { without_text: false })).toEqual({ message: 'plain string', out_of_memory: false });
	});

	it('says in the interface language why an importer refused a file', async () => {
		const error = await inspectExport(bytesImportSource('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x41]))).catch((failure) => failure);
		locale.set('zh-CN');
		try {
			expect(loadFailureMessage(error, [{ name: 'photo.png', size_bytes: 9 }], { without_text: false })).toEqual({
				message: 'photo.png 是 PNG 图片，不是聊天导出文件。',
				out_of_memory: false
			});
		} finally {
			locale.set('en');
		}
	});
});
