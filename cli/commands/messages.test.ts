import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resonanceInProcess } from '../resonance-in-process';

const resonance = (...args: string[]) => resonanceInProcess(args);
const failure = (...args: string[]) => resonance(...args).then(() => expect.unreachable('the command should fail'), (error) => error);
const DATASET = 'tests/fixtures/search/messages__mentor-3-students_jan-mar-2021_empty-february_chinese-english_case-study-phrases_formula-text_media-row.csv';
const HEADER = 'message_id,timestamp,author,role,text,likes,parent_id,rule';
const csv = (...lines: string[]) => [HEADER, ...lines, ''].join('\r\n');

const m01 = 'm01,2021-01-04 09:00:00,王老师,mentor,Task: read chapter 2 before Friday. 请大家周五前读完第二章,3,,none';
const m02 = 'm02,2021-01-04 09:05:00,Li Lei,student,好的，第二章我已经开始读了,1,m01,reply_to';
const m03 = 'm03,2021-01-04 09:20:00,Ann,student,"Which Chapter? the ""case study"" one?",0,,none';
const m05 = "m05,2021-01-15 20:00:00,Bob,student,'=1+1,0,,none";
const m06 = 'm06,2021-01-31 23:59:59,Li Lei,student,Case study on chapter 3 is hard,2,,none';
const m07 = 'm07,2021-03-01 00:00:00,王老师,mentor,Case Study: 第三章 病例讨论 tomorrow,5,,none';
const m08 = 'm08,2021-03-02 10:00:00,Ann,student,"reading chapter 3 now, case study next",1,m07,reply_to';

// Each run opens DuckDB: allow for a busy machine.
describe('resonance messages', { timeout: 180_000 }, () => {
	it('prints the counted messages of a month in time order as CSV, a formula text with a leading apostrophe', async () => {
		expect((await resonance('messages', DATASET, '--month', '2021-01')).stdout).toBe(csv(m01, m02, m03, m05, m06));
	});

	it('without filters prints every counted message (media left out)', async () => {
		expect((await resonance('messages', DATASET)).stdout).toBe(csv(m01, m02, m03, m05, m06, m07, m08));
	});

	it('filters by whole days, a member by name or id, and a query of words, a "phrase" or a /regular expression/', async () => {
		const [days, by_name, by_id, words, phrase, regex] = await Promise.all([
			resonance('messages', DATASET, '--from', '2021-01-15', '--to', '2021-03-01'),
			resonance('messages', DATASET, '--member', 'Ann'),
			resonance('messages', DATASET, '--member', 'u2', '--query', 'CHAPTER'),
			resonance('messages', DATASET, '--query', '第二章'),
			resonance('messages', DATASET, '--query', '"case study"'),
			resonance('messages', DATASET, '--query', 'chapter [23]', '--regex', '--to', '2021-01-31')
		]);
		expect(days.stdout).toBe(csv(m05, m06, m07));
		expect(by_name.stdout).toBe(csv(m03, m08));
		expect(by_id.stdout).toBe(csv(m06));
		expect(words.stdout).toBe(csv(m01, m02));
		expect(phrase.stdout).toBe(csv(m03, m08));
		expect(regex.stdout).toBe(csv(m01, m06));
	});

	it('reads --config: roles and the kinds left out (the media row counts, continuing Ann\'s m03 a minute earlier)', async () => {
		const { stdout } = await resonance('messages', DATASET, '--month', '2021-01', '--member', 'Bob', '--config', 'tests/fixtures/search/settings__bob-a-guest_media-counted.json');
		expect(stdout).toBe(csv("m05,2021-01-15 20:00:00,Bob,guest,'=1+1,0,,none"));
		const media = await resonance('messages', DATASET, '--query', 'photo', '--config', 'tests/fixtures/search/settings__bob-a-guest_media-counted.json');
		expect(media.stdout).toBe(csv('m04,2021-01-04 09:21:00,Ann,student,chapter 2 photo,,m03,continuation'));
	});

	it('reads months and days on the --tz wall clock', async () => {
		const dir = mkdtempSync(resolve(tmpdir(), 'resonance-messages-'));
		// 1612137600 is 2021-02-01 00:00 UTC: still January in New York, February in Shanghai
		writeFileSync(resolve(dir, 'epoch.csv'), 'message_id,timestamp,author,text\ne1,1612137600,Ann,hello\n');
		const [new_york, shanghai] = await Promise.all([
			resonance('messages', resolve(dir, 'epoch.csv'), '--month', '2021-01', '--tz', 'America/New_York'),
			resonance('messages', resolve(dir, 'epoch.csv'), '--month', '2021-01', '--tz', 'Asia/Shanghai')
		]);
		expect(new_york.stdout).toBe(csv('e1,2021-01-31 19:00:00,Ann,,hello,,,none'));
		expect(shanghai.stdout).toBe(csv());
	});

	it('exits 2 with a one-line reason and nothing on stdout for a bad flag, date, month, member or regular expression', async () => {
		const cases: [string[], string][] = [
			[['--month', '2021-13'], '--month: “2021-13” is not a month (YYYY-MM)'],
			[['--from', '2021-02-30'], '--from: “2021-02-30” is not a date (YYYY-MM-DD).'],
			[['--from', '2021-03-01', '--to', '2021-01-31'], '--from: the first day, 2021-03-01, is after the last day, 2021-01-31'],
			[['--month', '2021-01', '--from', '2021-01-01'], 'give --month or --from/--to, not both'],
			[['--member', 'Zed'], '--member "Zed": no member has that name or id'],
			[['--query', '/(a/'], '--query: invalid regular expression /(a/: missing ): (a'],
			[['--query', 'a(?=b)', '--regex'], '--query: invalid regular expression /a(?=b)/: invalid perl operator: (?='],
			[['--query', '""'], '--query: the query has no words to look for'],
			[['--limit', '3'], "Unknown option '--limit'"]
		];
		const results = await Promise.all(cases.map(([args]) => failure('messages', DATASET, ...args)));
		for (const [index, result] of results.entries()) {
			expect(result.code).toBe(2);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/^resonance: [^\n]*\n$/);
			expect(result.stderr).toContain(cases[index][1]);
		}
	});

	it('is listed in --help', async () => {
		expect((await resonance('--help')).stdout).toContain('resonance messages FILE... [--month YYYY-MM | --from DAY --to DAY] [--member NAME_OR_ID] [--query TEXT [--regex]]');
	});
});
