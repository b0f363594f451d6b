import { execFile, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { resonanceInProcess } from '../resonance-in-process';

const root = resolve(import.meta.dirname, '../..');
const resonance = (...args: string[]) => resonanceInProcess(args);
const failure = (...args: string[]) => resonance(...args).then(() => expect.unreachable('the command should fail'), (error) => error);
/** The same, as a new `resonance` process: its exit code and streams are the process's own. */
const processFailure = (...args: string[]) =>
	promisify(execFile)('node', ['bin/resonance.js', ...args], { cwd: root }).then(() => expect.unreachable('the command should fail'), (error) => error);
const DATASET = 'tests/fixtures/search/messages__mentor-3-students_jan-mar-2021_empty-february_chinese-english_case-study-phrases_formula-text_media-row.csv';

// Counted: January m01 (mentor) m02 m03 m05 m06, March m07 (mentor) m08; "chapter" is in m01, m03, m06 and m08.
describe('resonance trend', { timeout: 180_000 }, () => {
	it('starts with the UTF-8 BOM (EF BB BF) when stdout is a file, for Excel, and not when stdout is a pipe', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'resonance-trend-'));
		try {
			const path = join(dir, 'trend.csv');
			const fd = openSync(path, 'w');
			const redirected = spawnSync('node', ['bin/resonance.js', 'trend', DATASET, '--query', 'chapter'], { cwd: root, stdio: ['ignore', fd, 'pipe'] });
			closeSync(fd);
			expect(redirected.status, String(redirected.stderr)).toBe(0);
			const piped = (await resonance('trend', DATASET, '--query', 'chapter')).stdout;
			expect(piped.startsWith('period,')).toBe(true);
			const file = readFileSync(path);
			expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			expect(file.subarray(3).toString('utf8')).toBe(piped);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('prints period,messages,matching,share per month, the empty February with an empty share', async () => {
		expect((await resonance('trend', DATASET, '--query', 'chapter')).stdout).toBe(
			['period,messages,matching,share', '2021-01,5,3,0.6', '2021-02,0,0,', '2021-03,2,1,0.5', ''].join('\r\n')
		);
	});

	it('--grain week starts weeks on Monday; --by-role adds a role column', async () => {
		const [weeks, roles] = await Promise.all([
			resonance('trend', DATASET, '--query', '/第[二三]章/', '--grain', 'week'),
			resonance('trend', DATASET, '--query', '"case study"', '--by-role')
		]);
		expect(weeks.stdout.split('\r\n')).toEqual([
			'period,messages,matching,share',
			'2021-01-04,3,2,0.6666666666666666',
			'2021-01-11,1,0,0',
			'2021-01-18,0,0,',
			'2021-01-25,1,0,0',
			'2021-02-01,0,0,',
			'2021-02-08,0,0,',
			'2021-02-15,0,0,',
			'2021-02-22,0,0,',
			'2021-03-01,2,1,0.5',
			''
		]);
		expect(roles.stdout.split('\r\n')).toEqual([
			'period,role,messages,matching,share',
			'2021-01,mentor,1,0,0',
			'2021-01,student,4,1,0.25',
			'2021-02,mentor,0,0,',
			'2021-02,student,0,0,',
			'2021-03,mentor,1,0,0',
			'2021-03,student,1,1,1',
			''
		]);
	});

	it('exits 2 with a one-line reason for a missing query, a bad grain or regular expression', async () => {
		const cases: [string[], string][] = [
			[[], 'resonance: give the --query to count\n'],
			[['--query', 'x', '--grain', 'year'], 'resonance: --grain "year": use month, week or day\n'],
			[['--query', '/[z-a]/'], 'resonance: --query: invalid regular expression /[z-a]/: invalid character class range: z-a\n']
		];
		// The first as a process, to check the exit status of a usage error; it stops before DuckDB opens.
		const results = await Promise.all(cases.map(([args], index) => (index === 0 ? processFailure : failure)('trend', DATASET, ...args)));
		expect(results.map((result) => [result.code, result.stdout, result.stderr])).toEqual(cases.map(([, stderr]) => [2, '', stderr]));
	});

	it('is listed in --help', async () => {
		expect((await resonance('--help')).stdout).toContain('resonance trend FILE... --query TEXT [--regex] [--grain month|week|day] [--by-role]');
	});
});
