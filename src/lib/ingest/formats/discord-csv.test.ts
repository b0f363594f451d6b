import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { discordCsv } from './discord-csv';
import { exportSummary } from './export-summary.test-helper';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const options = { time_zone: 'Europe/London' };
const HEADER = 'AuthorID,Author,Date,Content,Attachments,Reactions\n';
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(fixtures, name))) });
const encoder = new TextEncoder();
const csv = (...dates: string[]) => ({
	name: 'c.csv',
	bytes: encoder.encode(HEADER + dates.map((date) => `"1","a","${date}","hi","",""`).join('\n'))
});
const sentAt = (...dates: string[]) => discordCsv.parse(csv(...dates), options).messages.map((message) => message.sent_at);

describe('discordCsv.parse', () => {
	test.each([
		'discord-csv__iso-offset_crlf_multiline_reactions_system_4-rejects.csv',
		'discord-csv__culture-g_en-GB_day-first_1-contradicting-row.csv',
		'discord-csv__culture-g_en-US_12h_order-inferred.csv',
		'discord-csv__legacy-dd-MMM-yy_12h_1-reject.csv'
	])('%s gives exactly the expected rows, rejects, kinds and authors', (name) => {
		const expected = JSON.parse(readFileSync(resolve(fixtures, name.replace(/\.csv$/, '.expected.json')), 'utf8'));
		expect(exportSummary(discordCsv.parse(read(name), options))).toEqual(expected);
	});

	test('the legacy MM/dd/yyyy h:mm tt default reads month first', () => {
		expect(sentAt('03/04/2020 1:05 PM', '03/05/2020 9:00 AM')).toEqual(['2020-03-04 13:05:00', '2020-03-05 09:00:00']);
	});

	test('other cultures\u2019 short date/time patterns read too', () => {
		expect(sentAt('07.11.2023 22:16', '2023/11/07 22:16', '2023-11-07 22:16', '2023. 11. 7. 오후 10:16', '2023/11/7 下午10:16')).toEqual(
			Array(5).fill('2023-11-07 22:16:00')
		);
	});

	test('without a part above 12, the order that keeps the export chronological wins', () => {
		expect(sentAt('11/12/2023 10:00', '12/12/2023 10:00', '01/01/2024 10:00')).toEqual([
			'2023-12-11 10:00:00',
			'2023-12-12 10:00:00',
			'2024-01-01 10:00:00'
		]);
	});

	test('a file whose first line is not the DCE header is refused with a one-line reason', () => {
		const bytes = encoder.encode('timestamp,author,text\n2024-01-01,a,hi\n');
		expect(() => discordCsv.parse({ name: 'x.csv', bytes }, options)).toThrow(/not a DiscordChatExporter CSV/);
	});

	test('an unclosed quote rejects the record it starts on, and the count still adds up', () => {
		const bytes = encoder.encode(HEADER + '"1","a","2024-01-01T10:00:00+00:00","ok","",""\n"2","b","2024-01-01T10:01:00+00:00","never closed\n');
		const parsed = discordCsv.parse({ name: 'x.csv', bytes }, options);
		expect(parsed.rejected).toEqual([{ line: 3, reason: 'a quoted field is never closed (the rest of the file was read as one field)' }]);
		expect(parsed.rows_in_file).toBe(2);
	});
});

describe('discordCsv.detect', () => {
	test('recognises the DCE header and nothing else', () => {
		expect(discordCsv.detect(read('discord-csv__legacy-dd-MMM-yy_12h_1-reject.csv'))).toBe(true);
		expect(discordCsv.detect({ name: 'x.csv', bytes: encoder.encode('\uFEFF' + HEADER) })).toBe(true);
		expect(discordCsv.detect({ name: 'x.csv', bytes: encoder.encode('AuthorID,Author,Date,Content\n') })).toBe(false);
		expect(discordCsv.detect({ name: 'x.csv', bytes: encoder.encode('message_id,timestamp,author\n') })).toBe(false);
	});
});
