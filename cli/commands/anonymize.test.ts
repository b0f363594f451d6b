import { chmodSync, copyFileSync, linkSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resonanceInProcess } from '../resonance-in-process';

const resonance = (...args: string[]) => resonanceInProcess(args);
// Each run opens DuckDB; the machine is shared.
const CLI_TIMEOUT_MS = 180_000;
const FIXTURE = 'tests/fixtures/anonymize/qq-txt__19-messages_4-months_mentor_4-students_lurker_names-phones-emails-qq-wechat-urls-in-text';

describe('resonance anonymize', () => {
	let dir: string;
	let summary: { anonymized: Record<string, unknown> };
	beforeAll(async () => {
		dir = mkdtempSync(resolve(tmpdir(), 'resonance-anonymize-'));
		const { stdout } = await resonance(
			'anonymize', `${FIXTURE}.txt`, '--roster', `${FIXTURE}.roster.csv`, '--tz', 'Asia/Shanghai',
			'--out', resolve(dir, 'out.csv'), '--key', resolve(dir, 'key.csv'), '--roster-out', resolve(dir, 'roster.csv'), '--keep-urls'
		);
		summary = JSON.parse(stdout);
	}, CLI_TIMEOUT_MS);

	it('writes the anonymized CSV, a key readable only by its owner, and the roster by code; says what it replaced and what is left', () => {
		const csv = readFileSync(resolve(dir, 'out.csv'), 'utf8');
		expect(csv.split('\r\n')[0]).toBe('\ufeffmessage_id,timestamp,author,role,text,likes,reply_to,kind');
		for (const original of ['王老师', '小明', '小红', '李同学', 'Lily', '12345678', 'xiaohong@qq.com', '138 0013 8000', '87654321', 'wxid_k3j4h5g6']) {
			expect(csv).not.toContain(original);
		}
		expect(csv).toContain('https://pan.baidu.com/s/1AbCdEf');
		expect(readFileSync(resolve(dir, 'key.csv'), 'utf8')).toContain('M01,王老师,12345678\r\n');
		expect(statSync(resolve(dir, 'key.csv')).mode & 0o077).toBe(0);
		expect(readFileSync(resolve(dir, 'roster.csv'), 'utf8')).toContain('S05,student,B\r\n');
		expect(summary.anonymized).toMatchObject({
			messages: 19,
			members: { mentors: 1, students: 5, others: 1 },
			replaced: { urls: 0, emails: 2, phones: 2, qq_numbers: 1, wechat_ids: 2 },
			options: { scrub_urls: false, scrub_phones: true }
		});
		expect(summary.anonymized.still_identifiable).toEqual([]);
	});

	it('gives a file that `analyze` reads to the same monthly message counts as the original', async () => {
		const [original, anonymized] = await Promise.all([
			resonance('analyze', `${FIXTURE}.txt`, '--roster', `${FIXTURE}.roster.csv`, '--tz', 'Asia/Shanghai'),
			resonance('analyze', resolve(dir, 'out.csv'), '--roster', resolve(dir, 'roster.csv'))
		]);
		const months = (stdout: string) =>
			JSON.parse(stdout).monthly.map((row: { month: string; messages: number; active_students: number; mentor_share: number | null }) => [
				row.month,
				row.messages,
				row.active_students,
				row.mentor_share
			]);
		expect(months(anonymized.stdout)).toEqual(months(original.stdout));
		expect(months(original.stdout).map((row: unknown[]) => row[1])).toEqual([8, 5, 0, 3]);
	}, CLI_TIMEOUT_MS);

	it('refuses to run without a key file, or to write over an input', async () => {
		const no_key = await resonance('anonymize', `${FIXTURE}.txt`, '--out', resolve(dir, 'x.csv')).catch((error) => error);
		expect(no_key.code).toBe(1);
		expect(no_key.stderr).toBe('resonance: give --out OUT.csv and --key KEY.csv (the key is the only way back from codes to names)\n');
		const over_input = await resonance('anonymize', `${FIXTURE}.txt`, '--out', `${FIXTURE}.txt`, '--key', resolve(dir, 'k.csv')).catch((error) => error);
		expect(over_input.code).toBe(1);
		expect(over_input.stderr).toMatch(/--out is the input file .* \(or a link to it\); write the anonymized files elsewhere\n$/);
	}, CLI_TIMEOUT_MS);

	it('refuses an --out that is a symlink or hard link to the input, and a --key or --roster-out that is the --roster; the input is untouched', async () => {
		const input = resolve(dir, 'input.txt');
		const roster_copy = resolve(dir, 'input.roster.csv');
		copyFileSync(`${FIXTURE}.txt`, input);
		copyFileSync(`${FIXTURE}.roster.csv`, roster_copy);
		symlinkSync(input, resolve(dir, 'symlink.csv'));
		linkSync(input, resolve(dir, 'hardlink.csv'));
		const attempts = [
			['--out', resolve(dir, 'symlink.csv'), '--key', resolve(dir, 'k1.csv')],
			['--out', resolve(dir, 'hardlink.csv'), '--key', resolve(dir, 'k2.csv')],
			['--out', resolve(dir, 'o3.csv'), '--key', roster_copy],
			['--out', resolve(dir, 'o4.csv'), '--key', resolve(dir, 'k4.csv'), '--roster-out', roster_copy]
		];
		for (const outputs of attempts) {
			const refused = await resonance('anonymize', input, '--roster', roster_copy, ...outputs).catch((error) => error);
			expect({ code: refused.code, stderr: refused.stderr }).toMatchObject({ code: 1, stderr: expect.stringMatching(/is the input file .*\(or a link to it\)/) });
		}
		expect(readFileSync(input)).toEqual(readFileSync(`${FIXTURE}.txt`));
		expect(readFileSync(roster_copy)).toEqual(readFileSync(`${FIXTURE}.roster.csv`));
	}, CLI_TIMEOUT_MS);

	it('leaves an existing key file readable by its owner only (mode 0600), whatever its mode was', async () => {
		const key = resolve(dir, 'existing-key.csv');
		writeFileSync(key, 'old key\n', { mode: 0o644 });
		chmodSync(key, 0o644);
		await resonance('anonymize', `${FIXTURE}.txt`, '--out', resolve(dir, 'again.csv'), '--key', key);
		expect(statSync(key).mode & 0o777).toBe(0o600);
		expect(readFileSync(key, 'utf8')).toContain(',王老师,12345678\r\n');
	}, CLI_TIMEOUT_MS);
});
