import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { ParsedBatch } from '../src/lib/ingest/canonical-message';
import { BATCH_MESSAGES } from '../src/lib/ingest/formats/parsed-export-batches';
import { telegramJson } from '../src/lib/ingest/formats/telegram-json';
import { parseInThread } from './parse-in-thread';
import { pathImportSource } from './path-import-source';
import { resonanceInProcess } from './resonance-in-process';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const options = { time_zone: 'Asia/Shanghai' };
const folder = mkdtempSync(join(tmpdir(), 'resonance-parse-thread-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function collect(batches: AsyncIterable<ParsedBatch>): Promise<ParsedBatch[]> {
	const all: ParsedBatch[] = [];
	for await (const batch of batches) all.push(batch);
	return all;
}

/** A one-chat Telegram export: a batch and one more of short messages, then one message of `text_mb` MB of text. */
function chatWithHugeLastMessage(text_mb: number): string {
	const path = join(folder, `huge-last-message-${text_mb}mb.json`);
	const short = Array.from({ length: BATCH_MESSAGES + 1 }, (_, index) =>
		JSON.stringify({ id: index + 1, type: 'message', date: '2024-01-01T08:00:00', date_unixtime: String(1704067200 + index), from: 'A', from_id: 'user1', text: `m${index}` })
	);
	const huge = JSON.stringify({ id: BATCH_MESSAGES + 2, type: 'message', date: '2024-01-02T08:00:00', date_unixtime: '1704182400', from: 'B', from_id: 'user2', text: 'x'.repeat(text_mb * 2 ** 20) });
	writeFileSync(path, `{"name":"G","type":"private_group","id":1,"messages":[\n${[...short, huge].join(',\n')}\n]}\n`);
	return path;
}

describe('parseInThread', () => {
	test.each([
		'telegram__supergroup_11-rows_reactions_replies_service_poll_2-rejects.json',
		// read whole (a full-account export), in the thread as well
		'telegram__full-account_4-chats_prefixed-ids_cross-chat-reply_forum-topic_2-rejects.json'
	])('%s gives the batches the adapter gives on this thread', async (name) => {
		const source = pathImportSource(resolve(fixtures, name));
		const here = await collect(telegramJson.parseStream!(source, options));
		expect(await collect(parseInThread(telegramJson, source, options))).toEqual(here);
		expect(here.at(-1)!.messages.length).toBeGreaterThan(0);
	});

	test('a thread out of memory before its first batch leaves the file to this thread, which reads it as before', async () => {
		const source = pathImportSource(resolve(fixtures, 'telegram__full-account_4-chats_prefixed-ids_cross-chat-reply_forum-topic_2-rejects.json'));
		const here = await collect(telegramJson.parseStream!(source, options));
		expect(await collect(parseInThread(telegramJson, source, options, { old_mb: 1, young_mb: 1 }))).toEqual(here);
	});

	test('a thread out of memory after a batch has gone out stops the import with a one-line reason', async () => {
		const source = pathImportSource(chatWithHugeLastMessage(48));
		const batches: ParsedBatch[] = [];
		const reading = (async () => {
			for await (const batch of parseInThread(telegramJson, source, options, { old_mb: 32, young_mb: 4 })) batches.push(batch);
		})();
		await expect(reading).rejects.toThrow(
			'Reading huge-last-message-48mb.json stopped: its thread needed more than 32 MB of memory for one part of the file (set RESONANCE_PARSE_THREAD_MB higher to allow more)'
		);
		expect(batches.map((batch) => batch.messages.length)).toEqual([BATCH_MESSAGES]);
	});
});

test('resonance analyze: the parse thread out of memory is one line on stderr and exit code 1', async () => {
	const path = chatWithHugeLastMessage(48);
	const before = process.env.RESONANCE_PARSE_THREAD_MB;
	process.env.RESONANCE_PARSE_THREAD_MB = '32';
	try {
		const failure = await resonanceInProcess(['analyze', path, '--tz', 'UTC', '--lang', 'en']).catch((error) => error);
		expect(failure.code).toBe(1);
		expect(failure.stderr).toBe(
			'resonance: Reading huge-last-message-48mb.json stopped: its thread needed more than 32 MB of memory for one part of the file (set RESONANCE_PARSE_THREAD_MB higher to allow more)\n'
		);
	} finally {
		if (before === undefined) delete process.env.RESONANCE_PARSE_THREAD_MB;
		else process.env.RESONANCE_PARSE_THREAD_MB = before;
	}
});
