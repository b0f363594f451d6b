import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { bytesImportSource } from '../../ingest/sources/bytes-import-source';
import { loadDataset } from '../../ingest/load-dataset';
import { buildInteractionLinks } from './build-interaction-links';
import { ensureTables } from '../derived-tables';

// A real Slack Q&A channel whose messages people grouped into conversations (Chatterjee et al., "Software-related
// Slack Chats with Disentangled Conversations", MSR 2020), read in place, never copied. Another platform and
// another community than the IRC the model was fitted on: this suite measures how far it carries. Nothing was
// fitted or tuned on it. The labels say which conversation a message belongs to, not its parent, so a link is
// right when its parent is in the message's conversation, and "no parent" is right on a conversation's first message.
const SLACK = resolve(process.cwd(), '../shared/fixtures/real/multi-month/slack-chats-disentangled__racket-general_2019.xml');

interface LabelledMessage {
	message_id: string;
	conversation: string;
	timestamp: string;
	author: string;
	text: string;
}

interface Agreement {
	/** messages given a parent */
	linked: number;
	/** of those, the share whose parent is in the same conversation */
	precision: number;
	/** of the conversations' first messages, the share given no parent */
	starts_found: number;
	/** messages judged right: linked within their conversation, or a first message left without a parent */
	agreement: number;
}

function readSlack(): LabelledMessage[] {
	const xml = readFileSync(SLACK, 'utf8');
	const entity = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
	const messages: LabelledMessage[] = [];
	for (const [, conversation, body] of xml.matchAll(/<message conversation_id="([^"]+)">([\s\S]*?)<\/message>/g)) {
		const field = (name: string) => entity(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(body)?.[1] ?? '');
		messages.push({ message_id: `s${messages.length}`, conversation, timestamp: field('ts').replace('T', ' ').slice(0, 19), author: field('user'), text: field('text') });
	}
	return messages;
}

function resonanceCsv(messages: LabelledMessage[]): Uint8Array {
	const field = (value: string) => '"' + value.replaceAll('"', '""') + '"';
	const lines = messages.map((message) => [message.message_id, message.timestamp, message.author, message.text].map(field).join(','));
	return new TextEncoder().encode(['message_id,timestamp,author,text', ...lines].join('\n') + '\n');
}

/** `ordered`: the messages in the order the links table reads them (time, then file order). */
function agreement(ordered: LabelledMessage[], parents: Map<string, string | null>): Agreement {
	const conversation = new Map(ordered.map((message) => [message.message_id, message.conversation]));
	const first = new Map<string, string>();
	for (const message of ordered) if (!first.has(message.conversation)) first.set(message.conversation, message.message_id);
	const is_first = (id: string) => first.get(conversation.get(id)!) === id;
	let linked = 0;
	let within = 0;
	let starts_found = 0;
	let right = 0;
	for (const { message_id } of ordered) {
		const parent = parents.get(message_id) ?? null;
		if (parent === null) {
			if (is_first(message_id)) starts_found++, right++;
			continue;
		}
		linked++;
		const same = conversation.get(parent) === conversation.get(message_id);
		if (same) within++;
		if (same && !is_first(message_id)) right++;
	}
	return { linked, precision: within / linked, starts_found: starts_found / first.size, agreement: right / ordered.length };
}

/** A baseline: the previous message when it was sent under `window_minutes` before, else no parent. */
function previousWithin(ordered: LabelledMessage[], window_minutes: number): Map<string, string | null> {
	const ms = (message: LabelledMessage) => Date.parse(message.timestamp.replace(' ', 'T') + 'Z');
	return new Map(ordered.map((message, index) => [message.message_id, index > 0 && ms(message) - ms(ordered[index - 1]) < window_minutes * 60_000 ? ordered[index - 1].message_id : null]));
}

let db: Db;
beforeAll(async () => {
	if (existsSync(SLACK)) db = await createNodeDb();
});
afterAll(async () => {
	await db?.close();
});

const TITLE = existsSync(SLACK) ? 'interaction links on a human-disentangled Slack channel' : `interaction links on a human-disentangled Slack channel: skipped, ${SLACK} is absent`;

describe.skipIf(!existsSync(SLACK))(TITLE, () => {
	it('links within the right conversation more often than "the previous message" (within 60 minutes or at any distance), agrees with people on more messages than the 60-minute rule, and leaves more without a parent', async () => {
		const messages = readSlack();
		const [report] = await loadDataset(db, [{ source: bytesImportSource('racket-general.csv', resonanceCsv(messages)) }], { time_zone: 'UTC' });
		expect(report.rejected).toBe(0);
		await ensureTables(db, ['counted_messages']);
		await buildInteractionLinks(db);
		const links = await db.query<{ message_id: string; parent_id: string | null }>('SELECT message_id, parent_id FROM kept_links ORDER BY seq');
		const by_id = new Map(messages.map((message) => [message.message_id, message]));
		const ordered = links.map((link) => by_id.get(link.message_id)!);
		expect(ordered.length).toBe(messages.length);

		const method = agreement(ordered, new Map(links.map((link) => [link.message_id, link.parent_id])));
		const previous = agreement(ordered, previousWithin(ordered, Infinity));
		const previous_60 = agreement(ordered, previousWithin(ordered, 60));
		const pct = (value: number) => (100 * value).toFixed(1).padStart(5);
		const line = (label: string, a: Agreement) =>
			`  ${label.padEnd(34)} linked ${String(a.linked).padStart(5)}  same conversation ${pct(a.precision)}%  starts left unlinked ${pct(a.starts_found)}%  messages right ${pct(a.agreement)}%`;
		console.log([`racket-general 2019: ${messages.length} messages`, line('links table:', method), line('previous message:', previous), line('previous message within 60 min:', previous_60)].join('\n'));

		expect(method.precision).toBeGreaterThan(previous_60.precision);
		expect(method.precision).toBeGreaterThan(previous.precision);
		expect(method.agreement).toBeGreaterThan(previous_60.agreement);
		// Measured, not a target: it still leaves more messages without a parent than the 60-minute rule does, so it
		// is more often right about the links it makes and finds fewer of them. docs/reply-inference.md has the figures.
		expect(method.linked).toBeLessThan(previous_60.linked);
	});
});
