import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { whatsapp } from './whatsapp';

// Real exports written by others (../shared/fixtures/real/README.md); their licences keep them out of the repo.
const real = resolve(process.cwd(), '../shared/fixtures/real');
const read = (folder: string, name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(real, folder, name))) });

describe.skipIf(!existsSync(resolve(real, 'whatsapp')))('real WhatsApp exports in ../shared/fixtures/real/whatsapp (skipped when that folder is absent)', () => {
	// Counted by hand from the files: messages = header lines in the file's own date layout; authors exclude "system".
	const expectations = [
		{ file: 'Chatistics__whatsapp__chat.txt', messages: 21, authors: ['Alice Placeholder', 'John Doe'], system: 1, media: 0, first: '2018-01-04 11:53:57', last: '2019-04-19 16:18:33' },
		{ file: 'Chatistics__whatsapp__chat_2.txt', messages: 4, authors: ['John Doe', 'Peter Doe'], system: 0, media: 0, first: '2019-09-17 16:37:47', last: '2019-09-17 16:39:52' },
		{
			file: 'Chatistics__whatsapp__chat_3.txt',
			messages: 11,
			authors: ['Even longer username with emoticons! 🙈 🙈', 'John Doe', 'The final test', 'Very long username', 'n'],
			system: 2,
			media: 0,
			first: '2019-11-02 14:18:00',
			last: '2019-11-02 14:51:00'
		},
		{ file: 'Chatistics__whatsapp__chat_4.txt', messages: 3, authors: ['John Doe'], system: 0, media: 0, first: '2019-09-17 08:30:52', last: '2019-09-18 16:50:32' },
		{ file: 'chat-analytics__whatsapp_2A_5M.txt', messages: 5, authors: ['A', 'B'], system: 0, media: 1, first: '2021-01-01 12:00:00', last: '2021-01-01 12:02:00' },
		{ file: 'chat-analytics__whatsapp_4A_11M.txt', messages: 14, authors: ['Alice', 'Bob', 'Eve', 'Mallory', 'Trent'], system: 3, media: 0, first: '2020-09-12 23:55:00', last: '2020-09-12 23:56:00' },
		{ file: 'chat-analytics__whatsapp_4A_11M.zip', messages: 14, authors: ['Alice', 'Bob', 'Eve', 'Mallory', 'Trent'], system: 3, media: 0, first: '2020-09-12 23:55:00', last: '2020-09-12 23:56:00' },
		{
			file: 'whatstk__pokemon.txt',
			messages: 20,
			authors: ['Ash Ketchum', 'Brock', 'Jessie & James', 'Meowth', 'Misty', 'Prof. Oak', 'Raichu', 'Wobbuffet'],
			system: 2,
			media: 0,
			first: '2016-04-15 15:04:00',
			last: '2016-10-31 12:23:00'
		}
	];

	test('every file in the folder has an expectation here', () => {
		const listed = new Set(expectations.map((expectation) => expectation.file));
		expect(readdirSync(resolve(real, 'whatsapp')).filter((name) => !listed.has(name))).toEqual([]);
	});

	for (const expectation of expectations) {
		test.skipIf(!existsSync(resolve(real, 'whatsapp', expectation.file)))(
			`${expectation.file}: ${expectation.messages} messages, ${expectation.authors.length} authors, ${expectation.system} system, ${expectation.media} media`,
			() => {
				const file = read('whatsapp', expectation.file);
				expect(whatsapp.detect(file)).toBe(true);
				const parsed = whatsapp.parse(file, { time_zone: 'UTC' });
				const authors = new Set(parsed.messages.filter((message) => message.author_id !== 'system').map((message) => message.author_id));
				expect({
					messages: parsed.messages.length,
					rejected: parsed.rejected,
					rows_in_file: parsed.rows_in_file,
					authors: [...authors].sort(),
					system: parsed.messages.filter((message) => message.kind === 'system').length,
					media: parsed.messages.filter((message) => message.kind === 'media').length,
					first: parsed.messages[0].sent_at,
					last: parsed.messages.at(-1)!.sent_at
				}).toEqual({
					messages: expectation.messages,
					rejected: [],
					rows_in_file: expectation.messages,
					authors: expectation.authors,
					system: expectation.system,
					media: expectation.media,
					first: expectation.first,
					last: expectation.last
				});
			}
		);
	}

	test.skipIf(!existsSync(resolve(real, 'whatsapp', 'Chatistics__whatsapp__chat.txt')))(
		'Chatistics chat.txt: a line in another date layout and an un-bracketed line stay inside the message above',
		() => {
			const parsed = whatsapp.parse(read('whatsapp', 'Chatistics__whatsapp__chat.txt'), { time_zone: 'UTC' });
			expect(parsed.messages.find((message) => message.sent_at === '2019-02-01 11:09:15')!.text).toMatch(/\n\[1\.2\.2019, 00:00:00\] John Doe: this line is not a message on its own$/);
			expect(parsed.messages.find((message) => message.sent_at === '2019-02-01 14:20:03')!.text).toBe(
				'What is that?\n2/11/19, 14:48 Alice Placeholder: this is a message from another chat!'
			);
		}
	);
});
