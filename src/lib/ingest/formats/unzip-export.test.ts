import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { bytesImportSource } from '../sources/bytes-import-source';
import { inspectExport } from '../inspect-export';
import { unzipExport } from './unzip-export';
import { whatsapp } from './whatsapp';

const CHAT = Array.from({ length: 900 }, (_, index) => `12/09/2021, 10:${String(index % 60).padStart(2, '0')} - Ann: message ${index}`).join('\n') + '\n';
const keepText = (name: string) => name.endsWith('.txt');

/** Offsets of the one entry's local header and central directory record. */
function layout(zip: Uint8Array) {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	let end = zip.length - 22;
	while (view.getUint32(end, true) !== 0x06054b50) end--;
	return { view, directory: view.getUint32(end + 16, true) };
}

/** The zip with the entry's declared sizes (local header and directory) set to `size`; stored entries shrink both. */
function withDeclaredSize(zip: Uint8Array, size: number, stored: boolean): Uint8Array {
	const copy = zip.slice();
	const { view, directory } = layout(copy);
	view.setUint32(22, size, true);
	view.setUint32(directory + 24, size, true);
	if (stored) {
		view.setUint32(18, size, true);
		view.setUint32(directory + 20, size, true);
	}
	return copy;
}

describe('unzipExport checks each entry against the CRC-32 and size the zip declares', () => {
	const stored = zipSync({ '_chat.txt': strToU8(CHAT) }, { level: 0 });
	const deflated = zipSync({ '_chat.txt': strToU8(CHAT) }, { level: 6 });

	test('an intact zip, stored or deflated, unpacks to the chat', () => {
		for (const zip of [stored, deflated]) {
			expect(new TextDecoder().decode(unzipExport({ name: 'chat.zip', bytes: zip }, keepText)['_chat.txt'])).toBe(CHAT);
		}
	});

	test('a stored zip with a 2021 date turned into 2031 is damaged (fflate alone imports it)', () => {
		const at = new TextDecoder('latin1').decode(stored).indexOf('12/09/2021, 10:05');
		const changed = stored.slice();
		changed[at + 9] = '3'.charCodeAt(0);
		expect(() => unzipExport({ name: 'chat.zip', bytes: changed }, keepText)).toThrow(
			'chat.zip is damaged (_chat.txt fails its CRC-32 check: its bytes changed after it was zipped, or it was cut short): re-export or re-download it.'
		);
	});

	test('a zip whose declared size is too small is damaged, not 28 of 900 messages', () => {
		for (const [zip, is_stored] of [[stored, true], [deflated, false]] as const) {
			const small = withDeclaredSize(zip, 1000, is_stored);
			expect(() => whatsapp.parse({ name: 'chat.zip', bytes: small }, { time_zone: 'UTC' })).toThrow(/^chat\.zip is damaged \(_chat\.txt fails its CRC-32 check/);
		}
	});

	test('an entry that unpacks past 500 MB is too large, with what to do, not "not a WhatsApp chat"', async () => {
		const huge = withDeclaredSize(deflated, 1024 * 1024 * 1024, false);
		const message =
			'chat.zip holds _chat.txt, 1,024 MB unpacked: more than the 500 MB Resonance reads from one file. Export a shorter period (or the chat in parts) and open the parts together.';
		expect(() => unzipExport({ name: 'chat.zip', bytes: huge }, keepText)).toThrow(message);
		await expect(inspectExport(bytesImportSource('chat.zip', huge))).rejects.toThrow(message);
	});
});
