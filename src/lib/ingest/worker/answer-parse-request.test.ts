import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { answerParseRequest, type ParseAnswer } from './answer-parse-request';
import { FORMAT_ADAPTERS } from '../formats/format-adapters';
import { unpackParsedExport } from './unpack-parsed-export';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(fixtures, name))) });
const options = { time_zone: 'Europe/London' };

/** The answers as the page receives them: cloned as postMessage clones them, the listed buffers transferred. */
function answersTo(adapter_id: string, file: { name: string; bytes: Uint8Array }): ParseAnswer[] {
	const answers: ParseAnswer[] = [];
	answerParseRequest({ adapter_id, file, options }, (answer, transfer = []) => answers.push(structuredClone(answer, { transfer })));
	return answers;
}

describe('answerParseRequest (the parse worker’s message handler)', () => {
	test.each([
		['whatsapp', 'whatsapp-android__zip_crlf_chat-with-name_4-messages.zip', ['Unpacking whatsapp-android__zip_crlf_chat-with-name_4-messages.zip', 'Reading messages']],
		['telegram-json', 'telegram__supergroup_11-rows_reactions_replies_service_poll_2-rejects.json', ['Reading messages']],
		['discord-json', 'discord-json__guild_11-rows_roles_replies_reactions_bot_forward_2-rejects.json', ['Reading messages']],
		['qq-txt', 'qq-txt__gb18030_2-blocks_8-messages.txt', ['Reading messages']]
	])('%s: %s says its stages, and the page unpacks exactly what the adapter parses on its own thread', async (adapter_id, name, stages) => {
		const answers = answersTo(adapter_id, read(name));
		expect(answers.slice(0, -1)).toEqual(stages.map((stage) => ({ type: 'stage', stage })));
		const last = answers.at(-1)!;
		if (last.type !== 'parsed') throw new Error(`expected the parsed export, got ${JSON.stringify(last)}`);
		const adapter = FORMAT_ADAPTERS.find((candidate) => candidate.id === adapter_id)!;
		const direct = adapter.parse(read(name), options);
		expect(direct.messages.length).toBeGreaterThan(0);
		expect(await unpackParsedExport(last.packed)).toStrictEqual(direct);
	});

	test('nulls, empty strings, likes of 0 and text with surrogate pairs or a lone surrogate survive packing', async () => {
		const bytes = new TextEncoder().encode(
			JSON.stringify({
				name: 'g',
				type: 'private_supergroup',
				id: 1,
				messages: [
					{ id: 1, type: 'message', date: '2021-01-01T10:00:00', date_unixtime: '1609495200', from: 'Ann 🙂', from_id: 'user1', text: '' },
					{ id: 2, type: 'message', date: '2021-01-01T10:01:00', date_unixtime: '1609495260', from: 'Bo', from_id: 'user2', text: 'x \ud83d y 🙂 "quoted"', reply_to_message_id: 1, reactions: [{ type: 'emoji', count: 0, emoji: '👍' }] }
				]
			})
		);
		const file = { name: 'result.json', bytes };
		const [last] = answersTo('telegram-json', file).slice(-1);
		if (last.type !== 'parsed') throw new Error(JSON.stringify(last));
		const direct = FORMAT_ADAPTERS.find((candidate) => candidate.id === 'telegram-json')!.parse(file, options);
		expect(direct.messages.map((message) => message.text)).toEqual(['', 'x \ud83d y 🙂 "quoted"']);
		expect(await unpackParsedExport(last.packed)).toStrictEqual(direct);
	});

	test('a file the adapter refuses, or an unknown adapter, is answered with the reason and nothing else', () => {
		const damaged = read('whatsapp-android__zip_crlf_chat-with-name_4-messages.zip');
		damaged.bytes = damaged.bytes.slice(0, damaged.bytes.length / 2);
		const answers = answersTo('whatsapp', damaged);
		expect(answers[0]).toEqual({ type: 'stage', stage: 'Unpacking whatsapp-android__zip_crlf_chat-with-name_4-messages.zip' });
		expect(answers.slice(1)).toEqual([{ type: 'failed', message: expect.stringMatching(/^whatsapp-android__zip_crlf_chat-with-name_4-messages\.zip is damaged \(/) }]);
		expect(answersTo('myspace', read('qq-txt__gb18030_2-blocks_8-messages.txt'))).toEqual([{ type: 'failed', message: 'No export format is called myspace.' }]);
	});

	test('unpacking stops with the abort reason once its signal is aborted', async () => {
		const [last] = answersTo('qq-txt', read('qq-txt__gb18030_2-blocks_8-messages.txt')).slice(-1);
		if (last.type !== 'parsed') throw new Error(JSON.stringify(last));
		const controller = new AbortController();
		controller.abort(new Error('Loading was cancelled.'));
		await expect(unpackParsedExport(last.packed, controller.signal)).rejects.toThrow('Loading was cancelled.');
	});
});
