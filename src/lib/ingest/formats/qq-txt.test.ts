import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exportSummary } from './export-summary.test-helper';
import { qqTxt } from './qq-txt';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const options = { time_zone: 'Asia/Shanghai' };
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(fixtures, name))) });
const encoder = new TextEncoder();

function utf16le(text: string, bom: boolean): Uint8Array {
	const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
	const view = new DataView(bytes.buffer);
	if (bom) view.setUint16(0, 0xfeff, true);
	for (let index = 0; index < text.length; index++) view.setUint16((index + (bom ? 1 : 0)) * 2, text.charCodeAt(index), true);
	return bytes;
}

describe('qqTxt.parse', () => {
	test('keeps the 【群主】 and 【管理员】 titles as member hints, not as roles', () => {
		const name = 'qq-txt__owner-dan_admin-lin_3-students_no-roles_jan-mar-2021.txt';
		const parsed = qqTxt.parse({ name, bytes: new Uint8Array(readFileSync(resolve(process.cwd(), 'tests/fixtures/roles', name))) }, options);
		expect(parsed.member_hints).toEqual([
			{ author_id: '10001', hint: 'QQ group owner' },
			{ author_id: '10002', hint: 'QQ group admin' }
		]);
		expect(new Set(parsed.messages.map((message) => message.role))).toEqual(new Set([null]));
		expect(parsed.messages.slice(0, 2).map((message) => message.author_name)).toEqual(['Dan老师', 'Amy']);
	});

	test.each(['qq-txt__2-blocks_8-messages_multiline_system_placeholders.txt', 'qq-txt__12h_no-ids_no-preamble.txt'])(
		'%s gives exactly the expected rows, rejects, kinds and authors',
		(name) => {
			const expected = JSON.parse(readFileSync(resolve(fixtures, name.replace(/\.txt$/, '.expected.json')), 'utf8'));
			expect(exportSummary(qqTxt.parse(read(name), options))).toEqual(expected);
		}
	);

	test('the same export in UTF-8 with BOM, UTF-8, GB18030, UTF-16 LE with and without BOM gives identical rows', () => {
		const name = 'qq-txt__2-blocks_8-messages_multiline_system_placeholders.txt';
		const utf8_bom = read(name).bytes;
		const text = new TextDecoder('utf-8').decode(utf8_bom);
		const variants = [
			utf8_bom,
			encoder.encode(text),
			read('qq-txt__gb18030_2-blocks_8-messages.txt').bytes,
			utf16le(text, true),
			utf16le(text, false)
		];
		const expected = qqTxt.parse({ name, bytes: utf8_bom }, options);
		expect(expected.messages).toHaveLength(8);
		for (const bytes of variants) {
			expect(qqTxt.detect({ name, bytes })).toBe(true);
			expect(qqTxt.parse({ name, bytes }, options)).toEqual(expected);
		}
	});

	test('a file with no message lines is refused with a one-line reason', () => {
		const bytes = encoder.encode('hello\nworld\n');
		expect(() => qqTxt.parse({ name: 'notes.txt', bytes }, options)).toThrow(/not a QQ message-manager TXT export/);
	});

	test('a header whose sender has a short number in brackets keeps it in the nickname', () => {
		const bytes = encoder.encode('2021-01-01 10:00:00 Room(2021)\nhi\n');
		const [message] = qqTxt.parse({ name: 'x.txt', bytes }, options).messages;
		expect([message.author_id, message.author_name]).toEqual(['Room(2021)', 'Room(2021)']);
	});
});

describe('qqTxt.parse on damaged files', () => {
	test('never throws once a message line is present; every row is imported or rejected with its line', () => {
		const fragment = fc.oneof(
			fc.string(),
			fc.constantFrom('', '2020-02-30 10:00:00 甲(12345)', '2020-01-01 0:00:00 PM 乙', '2020-01-01 10:00:00 ', '消息对象:', '='.repeat(64), '[图片]')
		);
		fc.assert(
			fc.property(fc.array(fragment, { maxLength: 30 }), (lines) => {
				const text = ['2020-01-01 10:00:00 甲(12345)', 'hi', '', ...lines].join('\r\n');
				const parsed = qqTxt.parse({ name: 'x.txt', bytes: encoder.encode(text) }, options);
				expect(parsed.rows_in_file).toBe(parsed.messages.length + parsed.rejected.length);
				for (const message of parsed.messages) expect(message.sent_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
				for (const row of parsed.rejected) expect(row.line).toBeGreaterThan(0);
			})
		);
	});
});

describe('qqTxt.detect', () => {
	test('recognises QQ exports and ignores other chat text', () => {
		expect(qqTxt.detect(read('qq-txt__12h_no-ids_no-preamble.txt'))).toBe(true);
		expect(qqTxt.detect({ name: 'a.txt', bytes: encoder.encode('12/9/20, 23:55 - Bob: hello\n') })).toBe(false);
		expect(qqTxt.detect({ name: 'a.txt', bytes: encoder.encode('2020-01-27 13:45:10 - Bob: hello\n') })).toBe(false);
		expect(qqTxt.detect({ name: 'a.bin', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00]) })).toBe(false);
	});
});

describe('qqTxt.parse on hostile input (found by tests/fuzz)', () => {
	test('a U+2028 line separator in a sender or a text does not hide the message line', () => {
		const text = '2021-01-01 10:00:00 Ann\u2028Lee(12345678)\r\nfirst\r\n\r\n2021-01-01 10:01:00 Bo(23456789)\r\nsecond\u2028line\r\n';
		const parsed = qqTxt.parse({ name: 'q.txt', bytes: encoder.encode(text) }, options);
		expect(parsed.rejected).toEqual([]);
		expect(parsed.messages.map((message) => [message.author_id, message.author_name, message.text])).toEqual([
			['12345678', 'Ann\u2028Lee', 'first'],
			['23456789', 'Bo', 'second\u2028line']
		]);
	});
});
