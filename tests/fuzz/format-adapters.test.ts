import { zipSync } from 'fflate';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import type { ParsedExport } from '../../src/lib/ingest/canonical-message';
import { decodeText } from '../../src/lib/ingest/text/decode-text';
import { FORMAT_ADAPTERS } from '../../src/lib/ingest/formats/format-adapters';
import type { FormatAdapter } from '../../src/lib/ingest/formats/format-adapter';
import { byteMutations } from './byte-mutations';
import { checkedImport } from './checked-import';
import { expectedCsvRows } from './expected-csv-rows';
import { HOSTILE_STRINGS } from './hostile-strings';
import { mutateBytes } from './mutate-bytes';

const SEED = 20_240_602;
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const PARSE_RUNS = Math.round(300 * SCALE);
const LOAD_RUNS = Math.round(25 * SCALE);
const encoder = new TextEncoder();
const adapter = (id: string) => FORMAT_ADAPTERS.find((candidate) => candidate.id === id)!;

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db?.close();
});

// Shared pieces of every generated export.
const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'grapheme', maxLength: 30 }));
const name = fc.oneof(fc.constantFrom('Ann', 'Bo', '张伟', '<img src=x onerror="window.__pwned=1">', '=HYPERLINK("http://evil")'), hostile);
const id = fc.constantFrom('1', '2', '3', '4', '5'); // few ids: duplicates and reply cycles
const epoch_seconds = fc.oneof(
	fc.integer({ min: 946_684_800, max: 1_900_000_000 }),
	fc.constantFrom(-2_208_988_800 /* 1900 */, 0, 7_258_118_400 /* 2200 */, 99_999_999_999_999, Number.MAX_SAFE_INTEGER)
);
const two = (value: number) => String(value).padStart(2, '0');
const calendar = fc.record({
	year: fc.oneof(fc.integer({ min: 2000, max: 2030 }), fc.constantFrom(1899, 1969, 2200, 9999)),
	month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 13)),
	day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constantFrom(0, 29, 30, 31, 32)),
	hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constant(24)),
	minute: fc.integer({ min: 0, max: 59 })
});

/** A generated export: its bytes and, when known by construction, how many rows (messages) it holds. */
interface Generated {
	bytes: Uint8Array;
	rows: number;
}

const telegram: fc.Arbitrary<Generated> = fc
	.array(
		fc.oneof(
			{
				weight: 6,
				arbitrary: fc.record(
					{
						id: fc.oneof(id.map(Number), fc.constantFrom('7', 'x', null)),
						type: fc.constantFrom('message', 'message', 'service', 'unsupported', 'weird'),
						date: calendar.map(({ year, month, day, hour, minute }) => `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:00`),
						date_unixtime: fc.oneof(epoch_seconds.map(String), fc.constantFrom('abc', '')),
						from: name,
						from_id: fc.oneof(fc.constantFrom('user1', 'user2', 'channel9', ''), fc.integer({ min: 1, max: 3 })),
						text: fc.oneof(hostile, fc.array(fc.oneof(hostile, fc.record({ type: fc.constantFrom('bold', 'link'), text: hostile })), { maxLength: 3 }), fc.constant(42)),
						reply_to_message_id: id.map(Number),
						reactions: fc.oneof(fc.array(fc.record({ type: fc.constant('emoji'), count: fc.oneof(fc.nat(9), fc.constant(-1)), emoji: fc.constant('👍') }), { maxLength: 2 }), fc.constant('x'))
					},
					{ requiredKeys: ['id', 'type'] }
				)
			},
			{ weight: 1, arbitrary: fc.constantFrom(null, 5, 'text', [1, 2]) }
		),
		{ maxLength: 20 }
	)
	.map((messages) => ({
		bytes: encoder.encode(JSON.stringify({ name: 'Study group <b>', type: 'private_supergroup', id: 77, messages }, null, 1)),
		rows: messages.length
	}));

const discordJson: fc.Arbitrary<Generated> = fc
	.array(
		fc.oneof(
			{
				weight: 6,
				arbitrary: fc.record(
					{
						id: fc.oneof(id, fc.constantFrom('', 12)),
						type: fc.constantFrom('Default', 'Reply', 'GuildMemberJoin', 'ChannelPinnedMessage'),
						timestamp: fc.oneof(
							calendar.map(({ year, month, day, hour, minute }) => `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:00.123+02:00`),
							fc.constantFrom('2021-01-01T10:00:00', 'soon', '')
						),
						content: hostile,
						author: fc.oneof(
							fc.record({ id: fc.constantFrom('u1', 'u2', ''), name, nickname: name, isBot: fc.boolean(), roles: fc.array(fc.record({ name: fc.constantFrom('Mentor', 'Student', '<i>x') }), { maxLength: 2 }) }),
							fc.constant(null)
						),
						reference: fc.record({ messageId: id }),
						reactions: fc.oneof(fc.array(fc.record({ count: fc.oneof(fc.nat(9), fc.constant(-2)) }), { maxLength: 2 }), fc.constant({}))
					},
					{ requiredKeys: ['id', 'timestamp', 'author'] }
				)
			},
			{ weight: 1, arbitrary: fc.constantFrom(null, 5, 'text') }
		),
		{ maxLength: 20 }
	)
	.map((messages) => ({
		bytes: encoder.encode(JSON.stringify({ guild: { id: '1', name: 'G' }, channel: { id: '2', name: '<script>c</script>' }, messages }, null, 2)),
		rows: messages.length
	}));

function csvLine(cells: string[]): string {
	return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',');
}

const discordCsv: fc.Arbitrary<Generated> = fc
	.record({
		rows: fc.array(
			fc.tuple(
				fc.constantFrom('1', '2', ''),
				name,
				fc.oneof(
					calendar.map(({ year, month, day, hour, minute }) => `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:00.1234567+02:00`),
					calendar.map(({ year, month, day, hour, minute }) => `${two(day)}/${two(month)}/${year} ${two(hour)}:${two(minute)}`),
					calendar.map(({ year, month, day, hour }) => `${two(month)}/${two(day)}/${year} ${(hour % 12) + 1}:05 ${hour < 12 ? 'AM' : 'PM'}`),
					fc.constantFrom('1700000000', 'never', '')
				),
				hostile,
				fc.constantFrom('', 'https://cdn/x.png'),
				fc.constantFrom('', '❤ (2)', '❤ (2),paul (3)', 'broken')
			),
			{ maxLength: 20 }
		),
		newline: fc.constantFrom('\n', '\r\n')
	})
	.map(({ rows, newline }) => ({
		bytes: encoder.encode([csvLine(['AuthorID', 'Author', 'Date', 'Content', 'Attachments', 'Reactions']), ...rows.map((row) => csvLine(row))].join(newline) + newline),
		rows: rows.length
	}));

const WECHAT_HEADER = ['localId', 'TalkerId', 'Type', 'SubType', 'IsSender', 'CreateTime', 'Status', 'StrContent', 'StrTime', 'Remark', 'NickName', 'Sender'];
const wechatCsv: fc.Arbitrary<Generated> = fc
	.array(
		fc.record({
			local_id: fc.oneof(id, fc.constant('')),
			type: fc.constantFrom('1', '3', '47', '49', '10000', '999', 'x'),
			sub_type: fc.constantFrom('0', '57', '5'),
			create_time: fc.oneof(epoch_seconds.map(String), fc.constantFrom('', 'x', '12')),
			content: fc.oneof(hostile, fc.constant('<msg><emoji md5="1"/></msg>')),
			remark: name,
			sender: fc.constantFrom('wxid_a', 'wxid_b', '')
		}),
		{ maxLength: 20 }
	)
	.map((rows) => ({
		bytes: encoder.encode(
			'\ufeff' +
				[
					WECHAT_HEADER.join(','),
					...rows.map((row) => csvLine([row.local_id, 't', row.type, row.sub_type, '0', row.create_time, '2', row.content, '', row.remark, row.remark, row.sender]))
				].join('\r\n') +
				'\r\n'
		),
		rows: rows.length
	}));

// Message bodies for line-based formats must not start a new message themselves, so they drop line breaks.
const body = hostile.map((text) => text.replace(/[\r\n]+/g, ' ').trim() || 'ok');

const qqTxt: fc.Arbitrary<Generated> = fc
	.array(
		fc.record({
			when: calendar,
			second: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constant(60)),
			sender: fc.oneof(
				fc.tuple(name, fc.constantFrom('(12345678)', '(87654321)', '<a@qq.com>', '')).map(([who, tag]) => `${who.replace(/[\r\n]/g, ' ')}${tag}`),
				fc.constant('系统消息(10000)')
			),
			lines: fc.array(body, { minLength: 1, maxLength: 3 })
		}),
		{ maxLength: 15 }
	)
	.map((messages) => {
		const text = [
			'消息记录（此消息记录为文本格式，不支持重新导入）',
			'',
			'================================================================',
			'消息对象:学习群',
			'================================================================',
			'',
			...messages.flatMap(({ when, second, sender, lines }) => [
				`${when.year}-${two(when.month)}-${two(when.day)} ${when.hour}:${two(when.minute)}:${two(second)} ${sender}`,
				...lines,
				''
			])
		].join('\r\n');
		// A header whose sender is blank is still a message line (rejected), but "name" alone may match nothing.
		return { bytes: encoder.encode(text), rows: messages.length };
	});

const whatsapp: fc.Arbitrary<Generated> = fc
	.array(
		fc.record({
			when: calendar,
			author: fc.oneof(name.map((who) => who.replace(/[\r\n:]/g, ' ').trim() || 'X'), fc.constant(null)),
			lines: fc.array(body, { minLength: 1, maxLength: 3 })
		}),
		{ minLength: 1, maxLength: 15 }
	)
	.map((messages) => {
		const text = messages
			.flatMap(({ when, author, lines }) => [
				`${two(when.day)}/${two(when.month)}/${when.year}, ${two(when.hour)}:${two(when.minute)} - ${author === null ? '' : `${author}: `}${lines[0]}`,
				...lines.slice(1).map((line) => `  ${line}`)
			])
			.join('\n');
		return { bytes: encoder.encode(text + '\n'), rows: messages.length };
	});

const slackZip: fc.Arbitrary<Generated> = fc
	.array(
		fc.record({
			channel: fc.constantFrom('general', 'help'),
			day: fc.constantFrom('2021-01-01', '2021-01-02'),
			broken: fc.boolean(),
			messages: fc.array(
				fc.oneof(
					{
						weight: 6,
						arbitrary: fc.record(
							{
								type: fc.constant('message'),
								user: fc.constantFrom('U1', 'U2', ''),
								text: hostile,
								ts: fc.oneof(epoch_seconds.map((seconds) => `${seconds}.000100`), fc.constantFrom('x', '1.5e3')),
								thread_ts: fc.constantFrom('1600000000.000100', '1600000001.000100'),
								subtype: fc.constantFrom('channel_join', 'bot_message', 'file_share', 'thread_broadcast'),
								reactions: fc.oneof(fc.array(fc.record({ name: fc.constant('+1'), count: fc.oneof(fc.nat(5), fc.constant(-1)) }), { maxLength: 2 }), fc.constant('x'))
							},
							{ requiredKeys: ['type', 'ts'] }
						)
					},
					{ weight: 1, arbitrary: fc.constantFrom(null, 3, 'x') }
				),
				{ maxLength: 8 }
			)
		}),
		{ minLength: 1, maxLength: 4 }
	)
	.map((days) => {
		const files: Record<string, Uint8Array> = {
			'users.json': encoder.encode(JSON.stringify([{ id: 'U1', name: 'ann', profile: { display_name: '<img src=x onerror=alert(1)>' } }])),
			'channels.json': encoder.encode(JSON.stringify([{ id: 'C1', name: 'general' }, { id: 'C2', name: 'help' }]))
		};
		const rows = new Map<string, number>();
		for (const { channel, day, broken, messages } of days) {
			const path = `${channel}/${day}.json`;
			if (path in files) continue;
			files[path] = encoder.encode(broken ? JSON.stringify(messages).slice(0, -1) : JSON.stringify(messages));
			// A day file that is not JSON is one rejected row: its messages cannot be counted.
			rows.set(path, broken ? 1 : messages.length);
		}
		return { bytes: zipSync(files), rows: [...rows.values()].reduce((sum, count) => sum + count, 0) };
	});

const qceMessage = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record(
			{
				id: fc.oneof(id, fc.constantFrom('', '0', 12)),
				timestamp: fc.oneof(
					epoch_seconds.map((seconds) => seconds * 1000),
					epoch_seconds.map((seconds) => String(seconds * 1000)),
					calendar.map(({ year, month, day, hour, minute }) => `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:00.000Z`),
					fc.constantFrom('soon', '', null)
				),
				sender: fc.oneof(fc.record({ uid: fc.constantFrom('u_1', 'u_2', '未知', ''), uin: fc.constantFrom('10001', '10002', '0', ''), name }), fc.constant(null)),
				type: fc.constantFrom('text', 'reply', 'system', 'type_12'),
				content: fc.oneof(
					fc.record({
						text: fc.oneof(hostile, fc.constant('[回复消息]好的'), fc.constant(42)),
						elements: fc.array(
							fc.oneof(
								fc.record({ type: fc.constant('text'), data: fc.record({ text: hostile }) }),
								fc.record({ type: fc.constant('reply'), data: fc.record({ messageId: fc.oneof(id, fc.constant('0')), referencedMessageId: fc.oneof(id, fc.constant(null)) }) }),
								fc.record({ type: fc.constantFrom('at', 'image', 'face', 'market_face', 'system', 'forward'), data: fc.record({ name, subType: fc.constantFrom('photo', 'sticker') }) })
							),
							{ maxLength: 3 }
						),
						reply: fc.record({ referencedMessageId: id })
					}),
					fc.constant('x')
				),
				recalled: fc.boolean(),
				system: fc.boolean(),
				isSystemMessage: fc.boolean(),
				rawMessage: fc.record({ senderUin: fc.constantFrom('10003', '0'), sendMemberName: name })
			},
			{ requiredKeys: ['timestamp'] }
		)
	},
	{ weight: 1, arbitrary: fc.constantFrom(null, 5, 'text', [1, 2]) }
);

const qceJson: fc.Arbitrary<Generated> = fc.array(qceMessage, { maxLength: 20 }).map((messages) => ({
	bytes: encoder.encode(
		`{\n  "metadata":{"name":"QQChatExporter","version":"6.0.0"},\n  "chatInfo":{"name":"学习群 <b>","type":"group"},\n  "statistics":{},\n  "messages":[\n` +
			messages.map((message) => `    ${JSON.stringify(message)}`).join(',\n') +
			'\n  ]\n}'
	),
	rows: messages.length
}));

const qceJsonl: fc.Arbitrary<Generated> = fc
	.array(fc.array(fc.oneof({ weight: 8, arbitrary: qceMessage.map((message) => JSON.stringify(message)) }, { weight: 1, arbitrary: fc.constantFrom('{"id":"9","seq', 'not json') }), { maxLength: 8 }), {
		minLength: 1,
		maxLength: 3
	})
	.map((chunks) => {
		const files: Record<string, Uint8Array> = {
			'manifest.json': encoder.encode(JSON.stringify({ metadata: { name: 'QQChatExporter' }, chatInfo: { name: 'G' }, chunked: { format: 'chunked-jsonl', chunks: [] } }))
		};
		chunks.forEach((lines, index) => {
			files[`chunks/c${String(index + 1).padStart(6, '0')}.jsonl`] = encoder.encode(lines.map((line) => line + '\n').join(''));
		});
		return { bytes: zipSync(files), rows: chunks.reduce((sum, lines) => sum + lines.length, 0) };
	});

const messengerMessage = fc.record(
	{
		sender_name: fc.oneof(name, fc.constantFrom('Zo\u00c3\u00ab', '\u00e5\u00bc\u00a0\u00e4\u00bc\u009f')),
		timestamp_ms: fc.oneof(epoch_seconds.map((seconds) => seconds * 1000 + 123), fc.constantFrom('soon', 1.5, null)),
		content: hostile,
		reactions: fc.oneof(fc.array(fc.record({ reaction: fc.constant('\u00e2\u009d\u00a4'), actor: name }), { maxLength: 2 }), fc.constant('x')),
		photos: fc.constant([{ uri: 'photos/1.jpg' }]),
		sticker: fc.constant({ uri: 'stickers_used/1.png' }),
		share: fc.record({ link: fc.constantFrom('https://example.org', '') }),
		type: fc.constantFrom('Generic', 'Share', 'Call', 'Subscribe'),
		is_unsent: fc.boolean()
	},
	{ requiredKeys: [] }
);

const messenger: fc.Arbitrary<Generated> = fc
	.tuple(
		fc.record({ sender_name: fc.constant('Ann'), timestamp_ms: fc.constant(1_700_000_000_000), content: fc.constant('first') }),
		fc.array(fc.oneof({ weight: 6, arbitrary: messengerMessage }, { weight: 1, arbitrary: fc.constantFrom(null, 5, 'text') }), { maxLength: 20 })
	)
	.map(([first, messages]) => ({
		bytes: encoder.encode('\ufeff' + JSON.stringify({ participants: [{ name: 'Ann' }], messages: [first, ...messages], title: '<b>T</b>', thread_path: 'inbox/t_1' }, null, 2)),
		rows: messages.length + 1
	}));

const weflow: fc.Arbitrary<Generated> = fc
	.array(
		fc.oneof(
			{
				weight: 6,
				arbitrary: fc.record(
					{
						localId: fc.nat(50),
						createTime: fc.oneof(epoch_seconds, epoch_seconds.map(String), fc.constantFrom(1.5, null)),
						type: fc.constantFrom('文本消息', '引用消息', '图片消息', '动画表情', '系统消息', '未知类型(37)', '未知类型(10002)'),
						localType: fc.constantFrom(1, 3, 47, 49, 10000, 10002, 37),
						content: hostile,
						isSend: fc.constantFrom(0, 1, null),
						senderUsername: fc.constantFrom('wxid_a', 'wxid_b', ''),
						senderDisplayName: name,
						platformMessageId: id,
						replyToMessageId: id
					},
					{ requiredKeys: ['createTime', 'type'] }
				)
			},
			{ weight: 1, arbitrary: fc.constantFrom(null, 5, 'text') }
		),
		{ maxLength: 20 }
	)
	.map((messages) => ({
		bytes: encoder.encode(JSON.stringify({ weflow: { version: '1.0.0' }, session: { wxid: 'g@chatroom', displayName: '<i>群</i>', type: '群聊' }, messages }, null, 2)),
		rows: messages.length
	}));

const GENERATORS: [string, fc.Arbitrary<Generated>][] = [
	['telegram-json', telegram],
	['discord-json', discordJson],
	['discord-csv', discordCsv],
	['wechat-csv', wechatCsv],
	['qq-txt', qqTxt],
	['whatsapp', whatsapp],
	['slack-zip', slackZip],
	['qce-json', qceJson],
	['qce-jsonl', qceJsonl],
	['messenger-json', messenger],
	['weflow-json', weflow]
];
const FILE_NAMES: Record<string, string> = {
	'telegram-json': 'result.json',
	'discord-json': 'channel.json',
	'discord-csv': 'channel.csv',
	'wechat-csv': 'chat_utf8.csv',
	'qq-txt': 'group.txt',
	whatsapp: 'WhatsApp Chat with Group.txt',
	'slack-zip': 'workspace.zip',
	'qce-json': 'group.json',
	'qce-jsonl': 'group_chunked_jsonl.zip',
	'messenger-json': 'message_1.json',
	'weflow-json': 'chat.json'
};

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?$/;

/** What must hold for any parse: a plain one-line refusal, or a consistent export DuckDB can store. */
function checkParsed(parse: () => ParsedExport, line_count: number | null): ParsedExport | null {
	let parsed: ParsedExport;
	try {
		parsed = parse();
	} catch (error) {
		expect((error as Error).constructor, String(error)).toBe(Error);
		expect((error as Error).message).not.toMatch(/[\r\n]/);
		return null;
	}
	expect(parsed.rows_in_file).toBe(parsed.messages.length + parsed.rejected.length);
	for (const row of parsed.rejected) {
		expect(row.line, row.reason).toBeGreaterThanOrEqual(1);
		if (line_count !== null) expect(row.line, row.reason).toBeLessThanOrEqual(line_count);
		expect(row.reason.trim()).not.toBe('');
	}
	const ids = new Set<string>();
	for (const message of parsed.messages) {
		const match = TIMESTAMP.exec(message.sent_at);
		expect(match, message.sent_at).not.toBeNull();
		// 1990–2100 as every importer reads it; a zone can move an instant at either end a day across.
		expect(Number(match![1]), message.sent_at).toBeGreaterThanOrEqual(1989);
		expect(Number(match![1]), message.sent_at).toBeLessThanOrEqual(2101);
		expect(typeof message.author_id === 'string' && message.author_id !== '', JSON.stringify(message)).toBe(true);
		expect(typeof message.text).toBe('string');
		if (message.message_id !== null) {
			expect(ids.has(message.message_id), `message_id ${message.message_id} twice`).toBe(false);
			ids.add(message.message_id);
		}
	}
	return parsed;
}

function lineCount(generator: string, bytes: Uint8Array): number | null {
	if (generator === 'slack-zip' || generator === 'qce-jsonl') return null;
	try {
		return decodeText(bytes).text.split(/\r\n|\r|\n/).length;
	} catch {
		return null;
	}
}

function expectedRows(generator: string, file: Generated, adapter_used: FormatAdapter): number {
	if (adapter_used.id === 'discord-csv' || adapter_used.id === 'wechat-csv') return expectedCsvRows(decodeText(file.bytes).text);
	return file.rows;
}

describe.each(GENERATORS)('%s adapter, fuzzed', (format, generator) => {
	const format_adapter = adapter(format);
	const file_name = FILE_NAMES[format];

	it(`${PARSE_RUNS} generated exports with hostile fields (seed ${SEED}) are detected, and imported + rejected = the rows written`, () => {
		fc.assert(
			fc.property(generator, (file) => {
				expect(format_adapter.detect({ name: file_name, bytes: file.bytes })).toBe(true);
				const parsed = checkParsed(() => format_adapter.parse({ name: file_name, bytes: file.bytes }, { time_zone: 'Asia/Shanghai' }), lineCount(format, file.bytes));
				if (parsed) expect(parsed.messages.length + parsed.rejected.length).toBe(expectedRows(format, file, format_adapter));
				else expect(file.rows === 0 || format === 'qq-txt' || format === 'whatsapp', 'only an export without messages may be refused').toBe(true);
			}),
			{ seed: SEED, numRuns: PARSE_RUNS }
		);
	});

	it(`${PARSE_RUNS} damaged exports (truncated, bytes flipped, garbage inserted; seed ${SEED}) never crash the adapter`, () => {
		fc.assert(
			fc.property(generator, byteMutations(), (file, mutations) => {
				const bytes = mutateBytes(file.bytes, mutations);
				let detected = false;
				try {
					detected = format_adapter.detect({ name: file_name, bytes });
				} catch {
					// inspectExport treats a detect that throws (a corrupt zip) as "not this format"
				}
				if (!detected) return;
				checkParsed(() => format_adapter.parse({ name: file_name, bytes }, { time_zone: 'Asia/Shanghai' }), lineCount(format, bytes));
			}),
			{ seed: SEED, numRuns: PARSE_RUNS }
		);
	});

	it(`${LOAD_RUNS} generated and damaged exports through loadDataset into DuckDB (seed ${SEED}): the table holds exactly the imported rows`, async () => {
		await fc.assert(
			fc.asyncProperty(generator, fc.oneof(fc.constant([]), byteMutations()), async (file, mutations) => {
				const bytes = mutateBytes(file.bytes, mutations);
				const outcome = await checkedImport(db, file_name, bytes, lineCount(format, bytes) ?? undefined);
				if ('report' in outcome && mutations.length === 0) {
					expect(outcome.report.format).toBe(format);
					expect(outcome.report.rows + outcome.report.rejected).toBe(expectedRows(format, file, format_adapter));
				}
			}),
			{ seed: SEED, numRuns: LOAD_RUNS, endOnFailure: true }
		);
	}, 300_000);
});
