import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { bytesImportSource } from '../sources/bytes-import-source';
import { loadDataset } from '../load-dataset';
import { discordCsv } from './discord-csv';
import { discordJson } from './discord-json';
import { reactionTotal } from './reaction-total';
import { slackZip } from './slack-zip';
import { telegramJson } from './telegram-json';

const encoder = new TextEncoder();
const options = { time_zone: 'UTC' };
// Counts as they appear in the JSON text of each message (line 2 is fine, lines 3–6 are not).
const COUNTS = ['[3, 4]', '[2147483648]', '[2147483647, 1]', '[1e308]', '[1.5]'];
const PROBLEMS = [
	'reaction count 2147483648 is larger than 2,147,483,647',
	'reaction counts add up to 2147483648, more than 2,147,483,647',
	'reaction count 1e+308 is larger than 2,147,483,647',
	'reaction count 1.5 is not a whole number ≥ 0'
];
const reactions = (counts: string) => JSON.parse(counts).map((count: number) => `{"type": "emoji", "emoji": "👍", "name": "+1", "count": ${count}}`).join(', ');

describe('reactionTotal(counts)', () => {
	test('sums whole counts up to 2,147,483,647; says why otherwise', () => {
		expect(reactionTotal([])).toEqual({ likes: 0 });
		expect(reactionTotal([2_147_483_646, 1])).toEqual({ likes: 2_147_483_647 });
		expect(reactionTotal([-1])).toEqual({ problem: 'reaction count -1 is not a whole number ≥ 0' });
		expect(reactionTotal([2 ** 31])).toEqual({ problem: PROBLEMS[0] });
		expect(reactionTotal([2 ** 31 - 1, 1])).toEqual({ problem: PROBLEMS[1] });
		expect(reactionTotal([1e308])).toEqual({ problem: PROBLEMS[2] });
		expect(reactionTotal([1.5])).toEqual({ problem: PROBLEMS[3] });
	});
});

describe('a reaction count out of range or fractional rejects its message at its line in every adapter with likes', () => {
	test('Telegram JSON', () => {
		const lines = COUNTS.map((counts, index) => ` {"id": ${index + 1}, "type": "message", "date_unixtime": "${1_700_000_000 + index}", "from": "A", "from_id": "user1", "text": "m", "reactions": [${reactions(counts)}]}`);
		const parsed = telegramJson.parse({ name: 'result.json', bytes: encoder.encode(`{"name": "G", "type": "private_group", "id": 1, "messages": [\n${lines.join(',\n')}\n]}`) }, options);
		expect(parsed.messages.map((message) => [message.line, message.likes])).toEqual([[2, 7]]);
		expect(parsed.rejected).toEqual(PROBLEMS.map((problem, index) => ({ line: index + 3, reason: `message ${index + 2}: ${problem}` })));
	});

	test('Discord JSON', () => {
		const lines = COUNTS.map((counts, index) => ` {"id": "${index + 1}", "type": "Default", "timestamp": "2024-02-05T10:0${index}:00+00:00", "content": "m", "author": {"id": "7", "name": "ann"}, "reactions": [${reactions(counts)}]}`);
		const parsed = discordJson.parse({ name: 'c.json', bytes: encoder.encode(`{"guild": {"id": "1"}, "channel": {"id": "2", "name": "g"}, "messages": [\n${lines.join(',\n')}\n]}`) }, options);
		expect(parsed.messages.map((message) => [message.line, message.likes])).toEqual([[2, 7]]);
		expect(parsed.rejected).toEqual(PROBLEMS.map((problem, index) => ({ line: index + 3, reason: `message ${index + 2}: ${problem}` })));
	});

	test('Slack', () => {
		const lines = COUNTS.map((counts, index) => ` {"type": "message", "user": "U1", "text": "m", "ts": "145200000${index}.000100", "reactions": [${reactions(counts)}]}`);
		const zip = zipSync({ 'users.json': strToU8('[{"id": "U1", "name": "ann"}]'), 'channels.json': strToU8('[]'), 'g/2016-01-05.json': strToU8(`[\n${lines.join(',\n')}\n]`) });
		const parsed = slackZip.parse({ name: 'export.zip', bytes: zip }, options);
		expect(parsed.messages.map((message) => [message.line, message.likes])).toEqual([[2, 7]]);
		expect(parsed.rejected).toEqual(PROBLEMS.map((problem, index) => ({ line: index + 3, reason: `g/2016-01-05.json, message ${index + 2}: ${problem}` })));
	});

	test('Discord CSV (counts are digits, so only range applies)', () => {
		const csv = [
			'AuthorID,Author,Date,Content,Attachments,Reactions',
			'"1","ann","2024-02-05T10:00:00+00:00","m","","👍 (3),❤ (4)"',
			'"1","ann","2024-02-05T10:01:00+00:00","m","","👍 (2147483648)"',
			'"1","ann","2024-02-05T10:02:00+00:00","m","","👍 (2147483647),❤ (1)"',
			'"1","ann","2024-02-05T10:03:00+00:00","m","","👍 (99999999999999999999)"'
		].join('\n');
		const parsed = discordCsv.parse({ name: 'c.csv', bytes: encoder.encode(csv) }, options);
		expect(parsed.messages.map((message) => [message.line, message.likes])).toEqual([[2, 7]]);
		expect(parsed.rejected).toEqual([
			{ line: 3, reason: PROBLEMS[0] },
			{ line: 4, reason: PROBLEMS[1] },
			{ line: 5, reason: 'reaction count 100000000000000000000 is larger than 2,147,483,647' }
		]);
	});
});

describe('through loadDataset, no count reaches DuckDB as an internal CSV error', () => {
	let db: Db;
	beforeAll(async () => {
		db = await createNodeDb();
	});
	afterAll(async () => {
		await db?.close();
	});

	test('the Telegram file imports its one good message and reports the other four at their own lines', async () => {
		const lines = COUNTS.map((counts, index) => ` {"id": ${index + 1}, "type": "message", "date_unixtime": "${1_700_000_000 + index}", "from": "A", "from_id": "user1", "text": "m", "reactions": [${reactions(counts)}]}`);
		const bytes = encoder.encode(`{"name": "G", "type": "private_group", "id": 1, "messages": [\n${lines.join(',\n')}\n]}`);
		const [report] = await loadDataset(db, [{ source: bytesImportSource('result.json', bytes) }], options);
		expect(report).toMatchObject({ rows: 1, rejected: 4, errors: PROBLEMS.map((problem, index) => ({ line: index + 3, reason: `message ${index + 2}: ${problem}` })) });
		expect(await db.query('SELECT likes FROM messages')).toEqual([{ likes: 7 }]);
	});

	test('a Resonance CSV rejects likes over 2,147,483,647 as too large and 1.5 or 1e3 as not whole', async () => {
		const csv = 'timestamp,author,likes\n2024-01-01 10:00,ann,7\n2024-01-01 10:01,ann,2147483648\n2024-01-01 10:02,ann,1.5\n2024-01-01 10:03,ann,1e3\n2024-01-01 10:04,ann,2147483647\n';
		const [report] = await loadDataset(db, [{ source: bytesImportSource('likes.csv', encoder.encode(csv)) }], options);
		expect(report).toMatchObject({
			rows: 2,
			rejected: 3,
			errors: [
				{ line: 3, reason: 'likes "2147483648" is larger than 2,147,483,647' },
				{ line: 4, reason: 'likes "1.5" is not a whole number' },
				{ line: 5, reason: 'likes "1e3" is not a whole number' }
			]
		});
		expect(await db.query('SELECT likes FROM messages ORDER BY sent_at')).toEqual([{ likes: 7 }, { likes: 2_147_483_647 }]);
	});
});
