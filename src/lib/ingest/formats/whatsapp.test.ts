import { zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exportSummary } from './export-summary.test-helper';
import { whatsapp } from './whatsapp';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const options = { time_zone: 'Europe/London' };
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(fixtures, name))) });
const encoder = new TextEncoder();
const parseText = (text: string) => whatsapp.parse({ name: 'chat.txt', bytes: encoder.encode(text) }, options);

describe('whatsapp.parse', () => {
	test.each([
		'whatsapp-android__24h_day-first_3-authors_12-messages.txt',
		'whatsapp-ios__12h_bracketed_month-first_marks.txt',
		'whatsapp-android__12h_en-dash_ambiguous-dates_decreasing-days.txt',
		'whatsapp-android__finnish-klo_dotted-times.txt',
		'whatsapp-android__zip_crlf_chat-with-name_4-messages.zip'
	])('%s gives exactly the expected rows, rejects, kinds and authors', (name) => {
		const expected = JSON.parse(readFileSync(resolve(fixtures, name.replace(/\.(txt|zip)$/, '.expected.json')), 'utf8'));
		expect(exportSummary(whatsapp.parse(read(name), options))).toEqual(expected);
	});

	test('day/month order is decided over the whole file, not per line', () => {
		const dates = (text: string) => parseText(text).messages.map((message) => message.sent_at.slice(0, 10));
		expect(dates('1/2/20, 10:00 - A: x\n1/13/20, 10:00 - A: y\n')).toEqual(['2020-01-02', '2020-01-13']);
		expect(dates('1/2/20, 10:00 - A: x\n13/2/20, 10:00 - A: y\n')).toEqual(['2020-02-01', '2020-02-13']);
		expect(dates('2020/01/27, 10:00 - A: x\n')).toEqual(['2020-01-27']);
		expect(dates('1/2/20, 10:00 - A: x\n')).toEqual(['2020-02-01']);
	});

	test('a line in another date layout than the rest of the file continues the message above', () => {
		const parsed = parseText('[04.01.18, 11:53:57] A: one\n[1.2.2019, 00:00:00] A: quoted\n[05.01.18, 09:00:00] B: two\n');
		expect(parsed.messages.map((message) => message.text)).toEqual(['one\n[1.2.2019, 00:00:00] A: quoted', 'two']);
	});

	test('call records count as media only with the U+200E mark iOS gives them', () => {
		const kinds = parseText('[1/2/20, 10:00:00] A: \u200eMissed voice call\n[1/2/20, 10:01:00] A: Video call at 5?\n').messages.map((message) => message.kind);
		expect(kinds).toEqual(['media', 'text']);
	});

	test('a zip without a chat text is refused with a one-line reason', () => {
		const bytes = zipSync({ 'photo.jpg': new Uint8Array([1, 2, 3]) });
		expect(() => whatsapp.parse({ name: 'export.zip', bytes }, options)).toThrow(/export\.zip holds no WhatsApp chat text/);
	});

	test('a text without WhatsApp message lines is refused with a one-line reason', () => {
		expect(() => parseText('hello\nworld\n')).toThrow('chat.txt is not a WhatsApp chat export: no "date, time - name: text" lines found.');
	});
});

describe('whatsapp.parse on damaged files', () => {
	test('never throws once a message line is present; every row is imported or rejected with its line', () => {
		const fragment = fc.oneof(
			fc.string(),
			fc.constantFrom('', '31/31/20, 10:00 - A: x', '1/2/20, 0:00 PM - A: x', '1/2/20, 24:00 - A', '[1/2/20, 10:00:00] A: b', '\u200e<attached: x>', 'x: y')
		);
		fc.assert(
			fc.property(fc.array(fragment, { maxLength: 30 }), (lines) => {
				const parsed = parseText(['1/2/20, 10:00 - A: first', ...lines].join('\n'));
				expect(parsed.rows_in_file).toBe(parsed.messages.length + parsed.rejected.length);
				for (const message of parsed.messages) expect(message.sent_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
				for (const row of parsed.rejected) expect(row.line).toBeGreaterThan(0);
			})
		);
	});
});

describe('whatsapp.detect', () => {
	test('recognises Android, iOS and zipped exports, and not QQ or WeChat files', () => {
		expect(whatsapp.detect(read('whatsapp-android__24h_day-first_3-authors_12-messages.txt'))).toBe(true);
		expect(whatsapp.detect(read('whatsapp-ios__12h_bracketed_month-first_marks.txt'))).toBe(true);
		expect(whatsapp.detect(read('whatsapp-android__zip_crlf_chat-with-name_4-messages.zip'))).toBe(true);
		expect(whatsapp.detect(read('qq-txt__2-blocks_8-messages_multiline_system_placeholders.txt'))).toBe(false);
		expect(whatsapp.detect(read('qq-txt__12h_no-ids_no-preamble.txt'))).toBe(false);
		expect(whatsapp.detect(read('wechat-csv__bom_crlf_group_quote-reply_rejects.csv'))).toBe(false);
		expect(whatsapp.detect({ name: 'x.zip', bytes: zipSync({ 'a.json': new Uint8Array([123, 125]) }) })).toBe(false);
	});
});

describe('whatsapp.parse on hostile input (found by tests/fuzz)', () => {
	test('a U+2028 line separator in a name or a text does not merge the message into the previous one', () => {
		const text = '01/02/2021, 10:00 - Ann: first\n01/02/2021, 10:01 - Bo\u2028Lee: text with\u2028a separator\n';
		const parsed = whatsapp.parse({ name: 'w.txt', bytes: encoder.encode(text) }, options);
		expect(parsed.rejected).toEqual([]);
		expect(parsed.messages.map((message) => [message.author_name, message.text])).toEqual([
			['Ann', 'first'],
			['Bo\u2028Lee', 'text with\u2028a separator']
		]);
	});
});
