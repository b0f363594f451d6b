import { describe, expect, test } from 'vitest';
import { gb18030Bytes } from '../../../../tests/fuzz/gb18030-bytes';
import { decodeText, ENCODING_SAMPLE_BYTES } from './decode-text';

const encoder = new TextEncoder();
const bytes = (...parts: (string | number[])[]) =>
	Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...encoder.encode(part)] : part)));
const ZHANG_WEI_GB18030 = [0xd5, 0xc5, 0xce, 0xb0];
const HEADER = 'timestamp,author,text\n';
/** ASCII rows, enough to push what follows past the sample the encoding is decided on. */
const padding = (min_bytes: number) => {
	const rows: string[] = [];
	for (let length = 0; length < min_bytes; length += 40) rows.push(`2021-08-01 09:00:00,Pad,row ${rows.length}`);
	return { text: rows.join('\n') + '\n', lines: rows.length };
};

describe('decodeText', () => {
	test('valid UTF-8 is UTF-8 with no bad bytes', () => {
		expect(decodeText(bytes(HEADER, '2021-08-01 10:00:00,张伟,naïve\n'))).toEqual({
			text: HEADER + '2021-08-01 10:00:00,张伟,naïve\n',
			encoding: 'utf-8',
			bad_bytes: []
		});
	});

	test('a UTF-8 file with a GB18030 row is UTF-8; the bad byte is listed with its line and column', () => {
		const decoded = decodeText(bytes(HEADER, '2021-08-01 10:00:00,Ann,naïve\n2021-08-01 11:00:00,', ZHANG_WEI_GB18030, ',hi\n'));
		expect(decoded.encoding).toBe('utf-8');
		expect(decoded.bad_bytes).toEqual([{ line: 3, column: 21, byte: 0xd5 }]);
		expect(decoded.text.split('\n')[1]).toBe('2021-08-01 10:00:00,Ann,naïve');
	});

	test('the same bytes past the 256 KB sample are decided and reported the same way', () => {
		const rows = (prefix: string) => bytes(HEADER, prefix, '2021-08-01 10:00:00,Ann,naïve\n2021-08-01 11:00:00,', ZHANG_WEI_GB18030, ',hi\n');
		const small = decodeText(rows(''));
		const { text, lines } = padding(ENCODING_SAMPLE_BYTES + 1000);
		const large = decodeText(rows(text));
		expect(large.encoding).toBe(small.encoding);
		expect(large.bad_bytes).toEqual(small.bad_bytes.map((bad) => ({ ...bad, line: bad.line + lines })));
	});

	test('a mostly ASCII file with a Windows-1252 quote (also valid GB18030) is UTF-8 with that row reported', () => {
		const rows = Array.from({ length: 8 }, (_, index) => `2021-08-01 10:0${index}:00,Ann,fine`).join('\n');
		const decoded = decodeText(bytes(HEADER, rows, '\n2021-08-01 11:00:00,Bo,it', [0x92], 's ok\n'));
		expect(decoded.encoding).toBe('utf-8');
		expect(decoded.bad_bytes).toEqual([{ line: 10, column: 26, byte: 0x92 }]);
	});

	test('Chinese text in GB18030 is GB18030, even where some of its byte pairs are valid UTF-8 by chance', () => {
		const text = HEADER + ['张伟,同学们好，这周的任务是读完第三章', '李娜,好的', '王老师,周五前交病例分析', '小明,收到！'].map((row, index) => `2021-08-0${index + 1} 10:00:00,${row}`).join('\n') + '\n';
		expect(decodeText(gb18030Bytes(text))).toEqual({ text, encoding: 'gb18030', bad_bytes: [] });
	});

	test('a tie (one UTF-8 row, one GB18030 row) goes to UTF-8: the GB18030 row is reported, not the other garbled', () => {
		const decoded = decodeText(bytes(HEADER, '2021-08-01 10:00:00,Ann,naïve\n2021-08-01 11:00:00,', ZHANG_WEI_GB18030, ',', [0xc4, 0xe3, 0xba, 0xc3], '\n'));
		expect(decoded.encoding).toBe('utf-8');
		expect(decoded.bad_bytes.map((bad) => bad.line)).toEqual([3]);
	});

	test('bytes that are neither UTF-8 nor GB18030 throw one line', () => {
		const garbage = Uint8Array.from({ length: 512 }, (_, index) => 0x80 + ((index * 37) % 0x7f));
		expect(() => decodeText(garbage)).toThrow('The file is not valid text in UTF-8, UTF-16 or GB18030; re-save it as UTF-8.');
	});

	test('control characters (IRC formatting, a NUL) are text in every encoding: decoded as they are, not listed', () => {
		const text = 'a,b\nok\u0001\u0002,x\r\nfine\rbad\u0000\n';
		expect(decodeText(encoder.encode(text))).toEqual({ text, encoding: 'utf-8', bad_bytes: [] });
		expect(decodeText(gb18030Bytes('张伟' + text))).toEqual({ text: '张伟' + text, encoding: 'gb18030', bad_bytes: [] });
		const utf16 = new Uint8Array(2 + text.length * 2);
		utf16.set([0xff, 0xfe]);
		for (let index = 0; index < text.length; index++) utf16[2 + index * 2] = text.charCodeAt(index);
		expect(decodeText(utf16)).toEqual({ text, encoding: 'utf-16le', bad_bytes: [] });
	});

	test('a UTF-8 BOM file with a bad byte is UTF-8 with that byte reported', () => {
		const decoded = decodeText(bytes([0xef, 0xbb, 0xbf], HEADER, '2021-08-01 10:00:00,', [0xff], ',x\n'));
		expect(decoded).toMatchObject({ encoding: 'utf-8', bad_bytes: [{ line: 2, column: 21, byte: 0xff }] });
	});
});
