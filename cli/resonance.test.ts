import { execFile } from 'node:child_process';
import Papa from 'papaparse';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSampleCommunity } from '../src/lib/sample/generate-sample-community';
import { sampleMonthlyCounts } from '../src/lib/sample/sample-monthly-counts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resonanceInProcess } from './resonance-in-process';

const run = promisify(execFile);
// On a busy machine one analyze of the sample takes up to ~40 s; a new process adds Node and the bundle's start.
const CLI_TIMEOUT_MS = 120_000;
const root = resolve(import.meta.dirname, '..');
const resonance = (...args: string[]) => resonanceInProcess(args);
let sample_dir: string;

beforeAll(() => {
	sample_dir = mkdtempSync(resolve(tmpdir(), 'resonance-cli-'));
	const sample = generateSampleCommunity();
	writeFileSync(resolve(sample_dir, 'community.csv'), sample.csv);
	writeFileSync(resolve(sample_dir, 'roster.csv'), sample.roster_csv);
	writeFileSync(resolve(sample_dir, 'settings.json'), JSON.stringify(sample.settings));
});

describe('resonance analyze', () => {
	it('reproduces the sample community monthly counts exactly, with roles from the roster', async () => {
		const { stdout } = await resonance('analyze', resolve(sample_dir, 'community.csv'), '--roster', resolve(sample_dir, 'roster.csv'), '--tz', 'Asia/Shanghai');
		const output = JSON.parse(stdout);
		expect(output.import).toMatchObject({ format: 'resonance-csv', rows: 9440, rejected: 0, errors: [], time_zone: 'Asia/Shanghai' });
		expect(output.monthly.map((row: { month: string; messages: number }) => [row.month, row.messages])).toEqual(
			sampleMonthlyCounts.map((month) => [month.month, month.messages])
		);
		expect(output.monthly[0].mentor_share).toBeGreaterThan(0.3);
		expect(output.monthly.every((row: { likes: number | null }) => typeof row.likes === 'number')).toBe(true);
	});

	it('--without-text keeps every count but words, which are 0', async () => {
		const file = resolve(sample_dir, 'community.csv');
		const [full, bare] = await Promise.all([resonance('analyze', file), resonance('analyze', file, '--without-text')]);
		const [with_text, without_text] = [JSON.parse(full.stdout), JSON.parse(bare.stdout)];
		expect(without_text.import.rows).toBe(9440);
		expect(without_text.monthly.map((row: { words: number }) => row.words)).toEqual(with_text.monthly.map(() => 0));
		const strip = (rows: { words: number }[]) => rows.map(({ words, ...row }) => row);
		expect(strip(without_text.monthly)).toEqual(strip(with_text.monthly));
		expect(with_text.monthly.some((row: { words: number }) => row.words > 0)).toBe(true);
	}, 2 * CLI_TIMEOUT_MS);

	it('reports questions answered within 24 h, newcomers and the week\'s hours of a hand-made chat exactly', async () => {
		const { stdout } = await resonance(
			'analyze',
			'tests/fixtures/response/questions__zh-and-en_self-continuation-only_answered-after-25h_mention-reply_newcomer-answered_newcomer-unanswered_empty-march.csv',
			'--tz', 'UTC'
		);
		const output = JSON.parse(stdout);
		// src/lib/metrics/response/response-times.test.ts derives these by hand
		expect(output.response.monthly.map((row: Record<string, unknown>) => Object.values(row).slice(0, 6))).toEqual([
			['2021-01', 4, 2, 2, 30, 1206],
			['2021-02', 2, 0, 2, 40, 56],
			['2021-03', 0, 0, 0, null, null],
			['2021-04', 1, 1, 0, null, null]
		]);
		expect(Object.keys(output.response.monthly[0])).toEqual([
			'month', 'questions', 'unanswered_questions', 'replied', 'median_minutes_to_first_reply', 'p90_minutes_to_first_reply', 'replied_share', 'replied_share_ci'
		]);
		expect(output.response.by_role.map((row: { role: string }) => row.role)).toEqual(['mentor', 'student', 'mentor', 'student', 'mentor', 'student', 'mentor', 'student']);
		expect(output.response.newcomers).toMatchObject({ count: 6, replied: 2, median_minutes_to_first_reply: 10 });
		// Monday 09:00: q1, a1, a1b (4 Jan) and n1, r1 (1 Feb)
		expect(output.hours[0][9]).toBe(5);
		expect(output.hours.flat().reduce((sum: number, count: number) => sum + count, 0)).toBe(18);
	});

	it('prints rejected rows with line and reason, and exits 0 when anything was imported', async () => {
		const { stdout } = await resonance('analyze', 'tests/fixtures/csv/resonance__6-bad-rows_bad-dates_empty-author_bad-likes_extra-columns.csv');
		const output = JSON.parse(stdout);
		expect(output.import.rows + output.import.rejected).toBe(8);
		expect(output.import.errors[0]).toEqual({ source: 'resonance__6-bad-rows_bad-dates_empty-author_bad-likes_extra-columns.csv', line: 3, reason: 'timestamp "yesterday" is not a date and time' });
	});

	it('exits non-zero with a one-line reason when nothing could be imported', async () => {
		const empty = resolve(sample_dir, 'header-only.csv');
		writeFileSync(empty, 'timestamp,author\n');
		const failure = await resonance('analyze', empty).catch((error) => error);
		expect(failure.code).toBe(1);
		expect(failure.stderr).toBe(`resonance: nothing could be imported from ${empty}\n`);
		const missing = await resonance('analyze', 'no-such-file.csv').catch((error) => error);
		expect(missing.stderr).toBe('resonance: no-such-file.csv: no such file\n');
	});

	it('--lang zh-CN says in Chinese why it stops, and en whatever the environment says (a new process, LANG in its environment)', async () => {
		const chinese = await resonance('--lang', 'zh-CN', 'analyze', 'no-such-file.csv').catch((error) => error);
		expect(chinese.code).toBe(1);
		expect(chinese.stderr).toBe('resonance: 找不到文件：no-such-file.csv\n');
		const english = await run('node', ['bin/resonance.js', 'analyze', 'no-such-file.csv', '--lang=en'], { cwd: root, env: { ...process.env, LANG: 'zh_CN.UTF-8' } }).catch(
			(error) => error
		);
		expect(english.stderr).toBe('resonance: no-such-file.csv: no such file\n');
	});

	it('--help --lang zh-CN explains the commands in Chinese; --help alone in English', async () => {
		const chinese = (await resonance('--help', '--lang', 'zh-CN')).stdout.split('\n');
		expect(chinese.slice(0, 2)).toEqual([
			'用法：',
			'  resonance anonymize FILE... --out OUT.csv --key KEY.csv [--roster-out ROSTER.csv] [--roster FILE] [--tz ZONE]'
		]);
		expect(chinese).toContain('    导入这些文件（作为一个数据集），以 JSON 输出导入报告、月度序列、所用设置、峰值、');
		const english = (await resonance('--help', '--lang', 'en')).stdout.split('\n');
		expect(english[0]).toBe('usage:');
		expect(english).toContain('    import the files (one dataset) and print as JSON the import report, the monthly series, the settings');
	});

	it('rejects an unknown time zone', async () => {
		const failure = await resonance('analyze', 'x.csv', '--tz', 'Mars/Olympus').catch((error) => error);
		expect(failure.code).toBe(1);
		expect(failure.stderr).toMatch(/^resonance: unknown time zone "Mars\/Olympus"/);
	});

	it('reports what was shared in a hand-made chat exactly: domains, media types, emoji, months, members', async () => {
		const { stdout } = await resonance('analyze', 'tests/fixtures/shared/shared__urls-in-chinese_www-and-no-www_zwj-emoji_skin-tones_whatsapp-and-qq-media_empty-april.csv', '--tz', 'UTC');
		const { shared } = JSON.parse(stdout);
		// src/lib/metrics/shared/shared-items.test.ts derives these by hand
		expect(Object.keys(shared)).toEqual(['domains', 'media', 'emoji', 'monthly', 'members']);
		expect(shared.domains).toEqual([
			{ domain: 'example.com', links: 2, members: 2 },
			{ domain: 'github.com', links: 2, members: 1 },
			{ domain: 'baidu.com', links: 1, members: 1 }
		]);
		expect(shared.media.map((row: { type: string; count: number }) => [row.type, row.count])).toEqual([['photo', 3], ['sticker', 1], ['unspecified', 1], ['video', 1], ['voice', 1]]);
		expect(shared.emoji.map((row: { emoji: string }) => row.emoji)).toEqual(['👍', '❤', '❤️', '🇨🇳', '🏳️‍🌈', '👍🏽', '👨‍👩‍👧', '🙂']);
		expect(shared.monthly[0]).toEqual({ month: '2021-01', links: 4, media: 2, emoji: 5, likes: 5 });
		expect(shared.members[0]).toEqual({ author_id: 'Ann', author: 'Ann', links: 3, media: 1, emoji: 5, likes_received: 6 });
	}, CLI_TIMEOUT_MS);

	it('a command named like a property of every object (constructor, __proto__) is an unknown command', async () => {
		for (const name of ['constructor', '__proto__']) {
			const failure = await resonance(name).catch((error) => error);
			expect(failure.code).toBe(1);
			expect(failure.stderr).toBe(`resonance: unknown command "${name}" (try: resonance --help)\n`);
		}
	}, CLI_TIMEOUT_MS);
});

describe('resonance analyze --config', () => {
	it('on the sample community with its settings: exactly the two task peaks, each explained by its event; mentor share falls by stage; silent members listed', async () => {
		const { stdout } = await resonance('analyze', resolve(sample_dir, 'community.csv'), '--roster', resolve(sample_dir, 'roster.csv'), '--config', resolve(sample_dir, 'settings.json'));
		const output = JSON.parse(stdout);
		expect(Object.keys(output)).toEqual(['import', 'monthly', 'settings', 'members', 'merge_suggestions', 'peaks', 'drops', 'links', 'stages', 'response', 'hours', 'terms', 'shared']);
		expect(output.import.time_zone).toBe('Asia/Shanghai');
		expect(output.peaks.map((peak: { month: string; messages: number; event: unknown; event_distance_days: number }) => [peak.month, peak.messages, peak.event, peak.event_distance_days])).toEqual([
			['2021-03', 788, { date: '2021-03-04', label: 'Mentor task: case report' }, 0],
			['2021-11', 706, { date: '2021-11-03', label: 'Mentor task: journal club presentation' }, 0]
		]);
		for (const peak of output.peaks) {
			expect(Object.keys(peak)).toEqual(['month', 'messages', 'prominence', 'ratio_to_median', 'robust_z', 'event', 'event_distance_days']);
			expect(peak.prominence).toBeGreaterThan(300);
			expect(peak.ratio_to_median).toBeGreaterThan(2);
			expect(peak.robust_z).toBeGreaterThan(3);
		}
		expect(output.stages.map((stage: { stage: string }) => stage.stage)).toEqual(['Medical students', 'Interns', 'Newly qualified doctors']);
		const shares = output.stages.map((stage: { mentor_share: number }) => stage.mentor_share);
		expect(shares[0]).toBeGreaterThan(shares[1]);
		expect(shares[1]).toBeGreaterThan(shares[2]);
		expect(output.stages.reduce((sum: number, stage: { messages: number }) => sum + stage.messages, 0)).toBe(9065);
		// Mentor-centred talk gives way to peer talk (DESIGN, the study).
		const peer_shares = output.stages.map((stage: { peer_share: number }) => stage.peer_share);
		expect(peer_shares[0]).toBeLessThan(peer_shares[1]);
		expect(peer_shares[1]).toBeLessThan(peer_shares[2]);
		expect(Object.values(output.links.by_rule).reduce((sum: number, count) => sum + (count as number), 0)).toBe(9065);
		expect(output.links.monthly.map((row: { month: string }) => row.month)).toEqual(output.monthly.map((row: { month: string }) => row.month));
		const silent = output.drops.silent_members.map((member: { author_id: string }) => member.author_id);
		// The students who left for hospital placements in the last stage (sample-members.ts LEAVERS).
		expect(silent).toEqual(expect.arrayContaining(['S03', 'S55', 'S11', 'S19', 'S26', 'S33', 'S40', 'S44', 'S51']));
		expect(silent).not.toContain('M01 Mentor');
		expect(output.drops.retention.map((curve: { cohort: string }) => curve.cohort)).toEqual(['all', 'Class A', 'Class B', 'Class C']);
		expect(output.response.monthly.map((row: { month: string }) => row.month)).toEqual(output.monthly.map((row: { month: string }) => row.month));
		expect(Object.keys(output.response.newcomers)).toEqual(['count', 'replied', 'median_minutes_to_first_reply', 'replied_share', 'replied_share_ci']);
		expect(output.hours).toHaveLength(7);
		expect(output.hours.flat().reduce((sum: number, count: number) => sum + count, 0)).toBe(9065);
	}, CLI_TIMEOUT_MS);

	it('a lower peak sensitivity keeps only the higher peak; settings without stages give no stage rows', async () => {
		const strict = resolve(sample_dir, 'strict-settings.json');
		writeFileSync(strict, JSON.stringify({ peak_sensitivity: 0.65 }));
		const { stdout } = await resonance('analyze', resolve(sample_dir, 'community.csv'), '--config', strict, '--tz', 'Asia/Shanghai');
		const output = JSON.parse(stdout);
		expect(output.peaks.map((peak: { month: string; event: unknown }) => [peak.month, peak.event])).toEqual([['2021-03', null]]);
		expect(output.stages).toEqual([]);
	}, CLI_TIMEOUT_MS);

	it('on a hand-made community: stages, silent members and drops with exact values', async () => {
		const fixtures = 'tests/fixtures/metrics';
		const { stdout } = await resonance(
			'analyze',
			`${fixtures}/resonance__mentor-3-students_jan-feb-2021_regular-poster-silent_one-message-student_media-after-silence.csv`,
			'--roster', `${fixtures}/roster__mentor-no-cohort_3-students-2-cohorts_1-lurker.csv`,
			'--config', `${fixtures}/settings__2-stages-january-and-february-march_1-event.json`
		);
		const output = JSON.parse(stdout);
		expect(output.peaks).toEqual([]);
		expect(output.drops.changepoints).toEqual([]);
		expect(output.drops.month_over_month).toEqual([]);
		expect(output.drops.silent_members.map((member: { author_id: string; days_silent: number }) => [member.author_id, member.days_silent])).toEqual([
			['Ann', 47 + 23 / 24],
			['Cai', 23 + 1 / 24]
		]);
		expect(output.stages.map((stage: { stage: string; messages: number; mentor_share: number; silent_members: number }) => [stage.stage, stage.messages, stage.mentor_share, stage.silent_members])).toEqual([
			['January', 8, 0.25, 1],
			['February on', 5, 0.4, 1]
		]);
		expect(output.stages.map((stage: Record<string, unknown>) => [stage.mentor_to_student, stage.student_to_mentor, stage.student_to_student, stage.peer_share])).toEqual([
			[1, 3, 0, 0],
			[1, 1, 1, 1 / 3]
		]);
		expect(output.links.by_rule).toEqual({ reply_to: 7, continuation: 0, mention: 0, context: 0, none: 6 });
		// explicit replies are 7 of 13 counted messages, so the headline counts them alone
		expect(output.stages.map((stage: Record<string, unknown>) => [stage.basis, stage.peer_share_inferred])).toEqual([
			['explicit', 0],
			['explicit', 1 / 3]
		]);
	}, CLI_TIMEOUT_MS);

	it('rejects a bad settings file with one line naming the file and the field', async () => {
		const bad = resolve(sample_dir, 'bad-settings.json');
		writeFileSync(bad, JSON.stringify({ stages: [{ name: 'A', start: '2021-01-01', end: '2020-12-31' }] }));
		const failure = await resonance('analyze', resolve(sample_dir, 'community.csv'), '--config', bad).catch((error) => error);
		expect(failure.code).toBe(1);
		expect(failure.stderr).toBe(`resonance: ${bad}: stages[0].end: 2020-12-31 is before its start 2021-01-01\n`);
	}, CLI_TIMEOUT_MS);

	it('writes all of its output (1.2 MB of messages) to a pipe whose reader is slow to read it', async () => {
		const file = resolve(sample_dir, 'community.csv');
		// The reader waits a second before reading: the pipe (64 KB) fills and Node queues the rest of the output,
		// which an exit without waiting for it dropped (65,596 bytes arrived).
		const { stdout } = await run('sh', ['-c', `node bin/resonance.js messages '${file}' --tz Asia/Shanghai | (sleep 1; cat)`], { cwd: root, maxBuffer: 64 << 20 });
		const rows = Papa.parse<{ message_id: string }>(stdout.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
		expect(rows.errors).toEqual([]);
		expect([rows.data.length, rows.data.at(-1)?.message_id]).toEqual([9065, 'm009440']);
	}, CLI_TIMEOUT_MS);
});
