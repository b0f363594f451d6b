import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { mulberry32 } from '../../sample/mulberry32';
import { whatsapp } from './whatsapp';
import { zipEntryHead } from './zip-entry-head';

const random = mulberry32(7);
const photo = Uint8Array.from({ length: 100_000 }, () => Math.floor(random() * 256));
const chat = Array.from({ length: 20_000 }, (_, index) => `12/09/2021, 10:${String(index % 60).padStart(2, '0')} - Ann: message ${Math.floor(random() * 1e9)}`).join('\n') + '\n';

/** A zip of the chat alone with one byte of its data's last kilobyte flipped: the text's end no longer inflates. */
function damagedNearTheEnd(): Uint8Array {
	const copy = zipSync({ '_chat.txt': strToU8(chat) }, { level: 6 });
	const directory_at = copy.length - 22 - 46 - '_chat.txt'.length;
	for (let at = directory_at - 1; at > directory_at - 1024; at--) {
		copy[at] ^= 0xff;
		try {
			unzipSync(copy);
		} catch {
			return copy;
		}
		copy[at] ^= 0xff;
	}
	throw new Error('no flip in the last kilobyte broke the zip');
}

describe('zipEntryHead', () => {
	test.each([
		['deflated', 6],
		['stored', 0]
	] as const)('the first bytes of the named entry of a %s zip, after another entry; a short entry whole', (_, level) => {
		const zip = zipSync({ 'IMG-0001.jpg': photo, '_chat.txt': strToU8(chat), 'short.txt': strToU8('hello') }, { level });
		expect(new TextDecoder().decode(zipEntryHead(zip, '_chat.txt', 8192))).toBe(chat.slice(0, 8192));
		expect(new TextDecoder().decode(zipEntryHead(zip, 'short.txt', 8192))).toBe('hello');
		expect(zipEntryHead(zip, 'IMG-0001.jpg', 10)).toEqual(photo.subarray(0, 10));
		expect(zipEntryHead(zip, 'missing.txt', 10)).toEqual(new Uint8Array(0));
	});

	test('reads the head of an entry whose end is damaged (it inflates no further), and throws where the head is damaged', () => {
		const damaged = damagedNearTheEnd();
		expect(new TextDecoder().decode(zipEntryHead(damaged, '_chat.txt', 8192))).toBe(chat.slice(0, 8192));
		const head_damaged = zipSync({ '_chat.txt': strToU8(chat) }, { level: 6 });
		head_damaged[40] ^= 0xff;
		head_damaged[41] ^= 0xff;
		expect(() => zipEntryHead(head_damaged, '_chat.txt', 8192)).toThrow();
	});
});

describe('whatsapp.detect on a zip reads only the chat’s head', () => {
	test('a chat damaged near its end is recognised, and its import refuses it as damaged', () => {
		const file = { name: 'chat.zip', bytes: damagedNearTheEnd() };
		expect(whatsapp.detect(file)).toBe(true);
		expect(() => whatsapp.parse(file, { time_zone: 'UTC' })).toThrow(/^chat\.zip is damaged \(/);
	});
});
