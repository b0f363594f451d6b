import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../cli/path-import-source';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { bytesImportSource } from '../ingest/sources/bytes-import-source';
import { loadDataset } from '../ingest/load-dataset';
import { parseRoster } from '../ingest/members/parse-roster';
import { buildInteractionLinks } from '../metrics/links/build-interaction-links';
import { ensureTables } from '../metrics/derived-tables';
import { linkRuleCounts } from '../metrics/links/link-rule-counts';
import { monthlySeries, type MonthlyRow } from '../metrics/monthly-series';
import { anonymizeDataset, type AnonymizedDataset } from './anonymize-dataset';
import { DEFAULT_ANONYMIZE_OPTIONS } from './anonymize-options';
import { looksIdentifiable } from './looks-identifiable';

const FIXTURE = resolve(
	import.meta.dirname,
	'../../../tests/fixtures/anonymize/qq-txt__19-messages_4-months_mentor_4-students_lurker_names-phones-emails-qq-wechat-urls-in-text'
);
const roster = parseRoster(readFileSync(`${FIXTURE}.roster.csv`, 'utf8')).entries;
/** Every identifier written into the fixture's message texts (names and ids come from the loaded members). */
const IDENTIFIERS_IN_TEXT = [
	'138 0013 8000',
	'teacher.wang@163.com',
	'87654321',
	'lihua_2020',
	'+86 139-1234-5678',
	'139-1234-5678',
	'wxid_k3j4h5g6',
	'https://pan.baidu.com/s/1AbCdEf',
	'pan.baidu.com',
	'www.example.edu/exam',
	'xiaohong@qq.com',
	'Lily',
	'Chen',
	// the chat's name, which QQ writes into every row's source
	'临床医学学习群'
];

let db: Db;
let anonymized: AnonymizedDataset;

async function loadFixture(target: Db): Promise<void> {
	await loadDataset(target, [{ source: pathImportSource(`${FIXTURE}.txt`) }], { time_zone: 'Asia/Shanghai', roster });
}

const rowsOf = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;

beforeAll(async () => {
	db = await createNodeDb();
	await loadFixture(db);
	anonymized = await anonymizeDataset(db);
});
afterAll(async () => {
	await db.close();
});

describe('anonymizeDataset on a QQ TXT export with a roster', () => {
	it('codes members by role and first message: mentor M01, students S01… (the lurker last), the system account P01', () => {
		expect(anonymized.key_csv).toBe(
			'\ufeffcode,original_name,original_id\r\n' +
				'M01,王老师,12345678\r\n' +
				'S01,小明,23456789\r\n' +
				'S02,小红,xiaohong@qq.com\r\n' +
				'S03,李同学,34567890\r\n' +
				'S03,李华,34567890\r\n' +
				'S04,Lily Chen,45678901\r\n' +
				'S05,赵六,赵六\r\n' +
				'P01,系统消息,10000\r\n'
		);
		expect(anonymized.roster_csv).toBe(
			'\ufeffauthor,role,cohort\r\nM01,mentor,\r\nS01,student,A\r\nS02,student,A\r\nS03,student,B\r\nS04,student,B\r\nS05,student,B\r\nP01,,\r\n'
		);
		expect(anonymized).toMatchObject({ messages: 19, members: { mentors: 1, students: 5, others: 1 } });
	});

	it('writes a Resonance CSV with names, mentions, phones, e-mails, QQ/WeChat ids and URLs replaced in text', () => {
		const rows = rowsOf(anonymized.csv);
		expect(Object.keys(rows[0])).toEqual(['message_id', 'timestamp', 'author', 'role', 'text', 'likes', 'reply_to', 'kind']);
		expect(rows.map((row) => [row.message_id, row.timestamp, row.author, row.role, row.text, row.kind])).toEqual([
			['1', '2020-09-01 20:15:03', 'M01', 'mentor', '同学们好，这周的任务：\n1. 读完第三章\n2. 周五前交病例分析\n有事打我电话 [phone]，或者发邮件 [email]', 'text'],
			['2', '2020-09-01 20:16:10', 'S01', 'student', '收到，谢谢M01！', 'text'],
			['3', '2020-09-01 20:17:45', 'P01', '', 'S03 加入了本群', 'system'],
			['4', '2020-09-01 20:18:02', 'S02', 'student', '[表情]', 'sticker'],
			['5', '2020-09-01 20:20:00', 'S03', 'student', '老师好，我是新来的，加我QQ [qq] 或者微信：[wechat-id]', 'text'],
			['6', '2020-09-02 09:05:00', 'S04', 'student', "Hi all, I'm S04. My number is [phone], [wechat-id] on WeChat.", 'text'],
			// a cell that starts with @, = or - gets an apostrophe so that no spreadsheet runs it
			['7', '2020-09-02 09:06:30', 'S01', 'student', "'@S04 欢迎！资料在 [url] 提取码 x7k2", 'text'],
			['8', '2020-09-15 21:00:00', 'M01', 'mentor', "'@S01 你的作业呢？S02和S03都交了", 'text'],
			['9', '2020-09-15 21:03:12', 'S01', 'student', '马上交！', 'text'],
			['10', '2020-09-15 21:05:00', 'S02', 'student', '[email] 是我的邮箱，作业发这里', 'text'],
			['11', '2020-10-08 19:30:00', 'M01', 'mentor', '国庆后第一次讨论：S04 你来讲一下病例一', 'text'],
			['12', '2020-10-08 19:31:40', 'S04', 'student', 'OK. Case 1: 男，45岁，胸痛2小时。', 'text'],
			['13', '2020-10-08 19:33:00', 'S03', 'student', '我改名了，S03=S03。S05怎么没来？', 'text'],
			['14', '2020-10-08 19:35:20', 'S02', 'student', '[图片]', 'media'],
			['15', '2020-10-08 19:36:00', 'S02', 'student', "'- 心电图见上\n- ST段抬高", 'text'],
			['16', '2020-10-20 22:10:00', 'S01', 'student', "'=今晚的总结：SUM(病例)=1", 'text'],
			['17', '2020-12-01 08:00:00', 'M01', 'mentor', '期末考试安排见 [url] ，有问题@S03 或 @S04 转告', 'text'],
			['18', '2020-12-01 08:05:00', 'S03', 'student', '好的M01，收到', 'text'],
			// a transliteration of a Chinese name is not a known name: no anonymizer can know it
			['19', '2020-12-01 08:06:00', 'S04', 'student', 'Got it, thanks Mr. Wang', 'text']
		]);
		expect(rows.every((row) => row.likes === '' && row.reply_to === '')).toBe(true);
		expect(anonymized.replaced).toEqual({ names: 14, mentions: 0, urls: 2, emails: 2, wechat_ids: 2, phones: 2, qq_numbers: 1 });
	});

	it('leaves no original name, platform id, phone number, e-mail, QQ/WeChat id or URL anywhere in the CSV or roster', async () => {
		const originals = await db.query<{ value: string }>(
			`SELECT DISTINCT author_name AS value FROM messages UNION SELECT DISTINCT author_id FROM messages
			UNION SELECT author FROM roster UNION SELECT DISTINCT source FROM messages`
		);
		const searched = [...originals.map((row) => row.value), ...IDENTIFIERS_IN_TEXT];
		expect(searched.length).toBeGreaterThan(20);
		for (const original of searched) {
			expect({ original, in_csv: anonymized.csv.includes(original), in_roster: anonymized.roster_csv.includes(original) }).toEqual({
				original,
				in_csv: false,
				in_roster: false
			});
		}
		for (const digits of ['12345678', '23456789', '34567890', '45678901', '10000', '13800138000', '13912345678']) {
			expect(anonymized.csv.replace(/\D/g, ' ')).not.toContain(digits);
		}
	});

	it('has a key file that maps every code back to the original author', async () => {
		const key = new Map(rowsOf(anonymized.key_csv).map((row) => [row.code, row.original_id]));
		const originals = await db.query<{ author_id: string }>('SELECT author_id FROM messages ORDER BY sent_at');
		expect(rowsOf(anonymized.csv).map((row) => key.get(row.author))).toEqual(originals.map((row) => row.author_id));
	});

	it('gives the same codes and the same files on every run, in a fresh database too', async () => {
		expect(await anonymizeDataset(db)).toEqual(anonymized);
		const other = await createNodeDb();
		try {
			await loadFixture(other);
			expect(await anonymizeDataset(other)).toEqual(anonymized);
		} finally {
			await other.close();
		}
	});

	it('keeps what each option says to keep', async () => {
		const kept = await anonymizeDataset(db, { ...DEFAULT_ANONYMIZE_OPTIONS, scrub_phones: false, scrub_urls: false, scrub_names_in_text: false });
		expect(kept.csv).toContain('138 0013 8000');
		expect(kept.csv).toContain('https://pan.baidu.com/s/1AbCdEf');
		expect(kept.csv).toContain('谢谢王老师');
		expect(kept.csv).not.toContain('teacher.wang@163.com');
		expect(kept.csv).not.toContain('87654321');
	});

	it('warns that the loaded export looks identifiable, and not once it is anonymized', async () => {
		expect((await looksIdentifiable(db)).map(({ kind, count, examples }) => ({ kind, count, examples }))).toEqual([
			{ kind: 'names', count: 5, examples: ['王老师', '小明', '小红'] },
			{ kind: 'author_ids', count: 5, examples: ['12345678', '23456789', 'xiaohong@qq.com'] },
			{ kind: 'phones', count: 2, examples: ['138 0013 8000', '+86 139-1234-5678'] },
			{ kind: 'emails', count: 2, examples: ['teacher.wang@163.com', 'xiaohong@qq.com'] },
			{ kind: 'platform_ids', count: 2, examples: ['lihua_2020', '87654321', 'wxid_k3j4h5g6'] }
		]);
		const reloaded = await createNodeDb();
		try {
			await loadDataset(reloaded, [{ source: bytesImportSource('anonymized.csv', new TextEncoder().encode(anonymized.csv)) }], { time_zone: 'UTC' });
			expect(await looksIdentifiable(reloaded)).toEqual([]);
		} finally {
			await reloaded.close();
		}
	});
});

describe('the anonymized export of a QQ TXT re-imports', () => {
	let original_series: MonthlyRow[];
	let reimported_series: MonthlyRow[];
	let reimported: Db;
	beforeAll(async () => {
		original_series = await monthlySeries(db);
		reimported = await createNodeDb();
		const [report] = await loadDataset(reimported, [{ source: bytesImportSource('anonymized.csv', new TextEncoder().encode(anonymized.csv)) }], {
			// wall-clock timestamps: any zone gives back the same months
			time_zone: 'America/New_York',
			roster: parseRoster(anonymized.roster_csv).entries
		});
		expect(report).toMatchObject({ format: 'resonance-csv', rows: 19, rejected: 0 });
		reimported_series = await monthlySeries(reimported);
	});
	afterAll(async () => {
		await reimported.close();
	});

	it('to the same monthly series: messages, likes, active members and students, new members, mentor share', () => {
		const without_words = (rows: MonthlyRow[]) => rows.map(({ words: _words, ...row }) => row);
		expect(without_words(reimported_series)).toEqual(without_words(original_series));
		expect(reimported_series.map((row) => row.month)).toEqual(['2020-09', '2020-10', '2020-11', '2020-12']);
		expect(reimported_series.map((row) => row.messages)).toEqual([8, 5, 0, 3]);
	});

	it('with fewer words where a name, URL, e-mail or number became one code or placeholder (王老师 is 2 words, M01 is 1)', () => {
		expect(original_series.map((row) => row.words)).toEqual([94, 43, 0, 23]);
		expect(reimported_series.map((row) => row.words)).toEqual([81, 40, 0, 19]);
	});

	it('with the roster’s cohorts and the lurker, by code', async () => {
		expect(await reimported.query('SELECT author_name, role, cohort, messages FROM members ORDER BY author_name')).toEqual([
			{ author_name: 'M01', role: 'mentor', cohort: null, messages: 4 },
			{ author_name: 'P01', role: null, cohort: null, messages: 1 },
			{ author_name: 'S01', role: 'student', cohort: 'A', messages: 4 },
			{ author_name: 'S02', role: 'student', cohort: 'A', messages: 4 },
			{ author_name: 'S03', role: 'student', cohort: 'B', messages: 3 },
			{ author_name: 'S04', role: 'student', cohort: 'B', messages: 3 },
			{ author_name: 'S05', role: 'student', cohort: 'B', messages: 0 }
		]);
	});
});

describe('anonymizeDataset on a Telegram export with replies and reactions', () => {
	const TELEGRAM = resolve(import.meta.dirname, '../../../tests/fixtures/formats/telegram__supergroup_11-rows_reactions_replies_service_poll_2-rejects.json');

	it('numbers messages by time and re-codes reply_to to match; a parent outside the export becomes x1', async () => {
		await loadDataset(db, [{ source: pathImportSource(TELEGRAM) }], { time_zone: 'UTC' });
		const replies_before = await db.query<{ child: string; parent: string }>(
			`SELECT c.text AS child, p.text AS parent FROM messages c JOIN messages p ON p.message_id = c.reply_to ORDER BY c.sent_at`
		);
		const telegram = await anonymizeDataset(db);
		expect(rowsOf(telegram.csv).map((row) => [row.message_id, row.author, row.likes, row.reply_to, row.kind])).toEqual([
			['1', 'P01', '0', '', 'system'],
			['2', 'P01', '4', '', 'text'],
			['3', 'P02', '0', '2', 'text'],
			['4', 'P03', '0', '2', 'media'],
			['5', 'P02', '2', '', 'sticker'],
			['6', 'P01', '0', '', 'text'],
			['7', 'P01', '0', '', 'system'],
			// it answers a message of another chat (reply_to_peer_id)
			['8', 'P02', '0', 'x1', 'text'],
			// sent after message 11 of the export, so numbered after it
			['9', 'P04', '0', '3', 'text']
		]);
		const reimported = await createNodeDb();
		try {
			await loadDataset(reimported, [{ source: bytesImportSource('anonymized.csv', new TextEncoder().encode(telegram.csv)) }], { time_zone: 'UTC' });
			const replies_after = await reimported.query<{ child: string; parent: string }>(
				`SELECT c.text AS child, p.text AS parent FROM messages c JOIN messages p ON p.message_id = c.reply_to ORDER BY c.sent_at`
			);
			expect(replies_after).toEqual(replies_before);
			expect(replies_after).toHaveLength(3);
		} finally {
			await reimported.close();
			await loadFixture(db);
		}
	});
});

describe('anonymizeDataset on labels and identifiers in disguise', () => {
	const CSV =
		'timestamp,author,role,text,kind\n' +
		'2021-01-01 10:00,Budi Santoso,mentor,Ｂｕｄｉ Ｓａｎｔｏｓｏ here: QQ:123456789,text\n' +
		'2021-01-02 10:00,Citra Dewi,call me 13800138000,tel：１３８００１３８０００ or ani＠example.com,budi@example.com\n' +
		'2021-01-03 10:00,Ani Lestari,student,see budisantoso.github.io,text\n';
	const ROSTER = 'author,role,cohort\nAni Lestari,student,QQ群 87654321\nBudi Santoso,mentor,A\n';
	let labelled: Db;
	beforeAll(async () => {
		labelled = await createNodeDb();
		await loadDataset(labelled, [{ source: bytesImportSource('labels.csv', new TextEncoder().encode(CSV)) }], {
			time_zone: 'UTC',
			roster: parseRoster(ROSTER).entries
		});
	});
	afterAll(async () => {
		await labelled.close();
	});

	it('scrubs phone numbers, e-mails and QQ numbers out of role, kind and cohort labels, keeping mentor, student and text', async () => {
		const result = await anonymizeDataset(labelled);
		expect(rowsOf(result.csv).map((row) => [row.author, row.role, row.text, row.kind])).toEqual([
			['M01', 'mentor', 'M01 here: QQ:[qq]', 'text'],
			['P01', 'call me [phone]', 'tel：[phone] or [email]', '[email]'],
			['S01', 'student', 'see [url]', 'text']
		]);
		expect(result.roster_csv).toBe('\ufeffauthor,role,cohort\r\nM01,mentor,A\r\nS01,student,QQ群 [qq]\r\nP01,call me [phone],\r\n');
	});

	it('has still_identifiable find identifiers in disguise, in labels, and original names left in text', async () => {
		const warnings = await looksIdentifiable(labelled, ['Budi Santoso', 'Ani Lestari']);
		expect(warnings.filter((warning) => warning.kind !== 'names').map(({ kind, count, examples }) => ({ kind, count, examples }))).toEqual([
			{ kind: 'names_in_text', count: 1, examples: ['Budi Santoso'] },
			{ kind: 'phones', count: 1, examples: ['13800138000'] },
			{ kind: 'emails', count: 1, examples: ['ani@example.com'] },
			{ kind: 'platform_ids', count: 1, examples: ['123456789'] },
			{ kind: 'labels', count: 3, examples: ['87654321', 'budi@example.com', '13800138000'] }
		]);
	});
});

describe('anonymizeDataset with a look-alike member (Budi\\u200b Santoso beside Budi Santoso)', () => {
	const rows = Array.from({ length: 20 }, (_, index) => {
		const day = String(index + 1).padStart(2, '0');
		return `2021-03-${day} 10:00,Budi Santoso,student,I will post the notes\n2021-03-${day} 10:05,Ani Lestari,student,@Budi Santoso thanks for the notes\n`;
	}).join('');
	const CSV = 'timestamp,author,role,text\n' + rows + '2021-03-21 10:00,Budi\u200b Santoso,student,hello all\n';
	let lookalike: Db;
	let report: Awaited<ReturnType<typeof loadDataset>>[number];
	beforeAll(async () => {
		lookalike = await createNodeDb();
		[report] = await loadDataset(lookalike, [{ source: bytesImportSource('look-alike.csv', new TextEncoder().encode(CSV)) }], { time_zone: 'UTC' });
	});
	afterAll(async () => {
		await lookalike.close();
	});

	it('flags the two names in the import report', () => {
		expect(report.look_alike_names).toEqual([
			{
				name: 'Budi Santoso',
				members: [
					{ author_id: 'Budi Santoso', author_name: 'Budi Santoso' },
					{ author_id: 'Budi\u200b Santoso', author_name: 'Budi\u200b Santoso' }
				]
			}
		]);
	});

	it('keeps all 20 @Budi Santoso mentions as @S01, so the anonymized file still has its 20 mention links', async () => {
		const result = await anonymizeDataset(lookalike);
		const texts = rowsOf(result.csv).map((row) => row.text);
		expect(texts.filter((text) => text === "'@S01 thanks for the notes")).toHaveLength(20);
		expect(texts.some((text) => text.includes('[name]'))).toBe(false);
		const reimported = await createNodeDb();
		try {
			await loadDataset(reimported, [{ source: bytesImportSource('anonymized.csv', new TextEncoder().encode(result.csv)) }], { time_zone: 'UTC' });
			await ensureTables(reimported, ['counted_messages']);
			await buildInteractionLinks(reimported);
			expect((await linkRuleCounts(reimported)).by_rule.mention).toBe(20);
		} finally {
			await reimported.close();
		}
	});
});
