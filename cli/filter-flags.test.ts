import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resonanceInProcess } from './resonance-in-process';

const resonance = (...args: string[]) => resonanceInProcess(args);
const failure = (...args: string[]) => resonance(...args).then(() => expect.unreachable('the command should fail'), (error) => error);
const GENERAL = 'tests/fixtures/filters/general__mentor-ann-bob_jan-mar-2021_media-row_reply-across-months.csv';
const LAB = 'tests/fixtures/filters/lab__ann-cy_feb-2021_sticker-row_last-minute-of-february.csv';
const DATASET = [GENERAL, LAB, '--tz', 'UTC'];

// Counted: general a1 a2 a3 a5 a6 (a4 is media), lab b1 b3 (b2 a sticker). February's students: a5 (Ann, answering Bob's a3
// of January explicitly), b1 and b3 (Cy, first seen in February).
describe('the filter flags', { timeout: 300_000 }, () => {
	it('analyze counts only the filtered messages, keeps the reply found on the whole chat, and shows the filter in settings', async () => {
		const output = JSON.parse((await resonance('analyze', ...DATASET, '--from', '2021-02-01', '--to', '2021-02-28', '--role', 'student')).stdout);
		expect(output.settings.filter).toEqual({ from: '2021-02-01', to: '2021-02-28', members: [], roles: ['student'], sources: [], kinds: [] });
		expect(output.monthly).toEqual([
			// Ann wrote first in January: only Cy is new in February
			{ month: '2021-02', messages: 3, words: 7, likes: null, active_members: 2, active_students: 2, new_members: 1, mentor_messages: 0, mentor_share: 0, coverage: 1 }
		]);
		expect(output.links.by_rule).toEqual({ reply_to: 1, continuation: 0, mention: 0, context: 0, none: 2 });
		expect(output.links.monthly[0]).toMatchObject({ month: '2021-02', student_to_student: 1, student_to_mentor: 0, mentor_to_student: 0 });
		const unfiltered = JSON.parse((await resonance('analyze', ...DATASET)).stdout);
		expect(unfiltered.settings.filter).toBeUndefined();
	});

	it('trend and messages take the same filter; --member takes a name or an id', async () => {
		const [trend, messages] = await Promise.all([
			resonance('trend', ...DATASET, '--query', 'February', '--source', 'lab__ann-cy_feb-2021_sticker-row_last-minute-of-february.csv'),
			resonance('messages', ...DATASET, '--role', 'mentor')
		]);
		expect(trend.stdout).toBe(['period,messages,matching,share', '2021-02,2,1,0.5', ''].join('\r\n'));
		expect(messages.stdout).toBe(
			['message_id,timestamp,author,role,text,likes,parent_id,rule', 'a1,2021-01-05 09:00:00,Mentor,mentor,Welcome all,,,none', 'a6,2021-03-01 08:00:00,Mentor,mentor,March task,,,none', ''].join('\r\n')
		);
		const by_member = JSON.parse((await resonance('analyze', ...DATASET, '--member', 'Ann', '--kind', 'text')).stdout);
		expect(by_member.monthly.map((row: { month: string; messages: number }) => [row.month, row.messages])).toEqual([
			['2021-01', 1],
			['2021-02', 1]
		]);
	});

	it('figures name the filter in every caption and data file', async () => {
		const out = mkdtempSync(resolve(tmpdir(), 'resonance-filter-figures-'));
		try {
			await resonance('figures', ...DATASET, '--out', out, '--from', '2021-02-01', '--to', '2021-02-28', '--role', 'student');
			expect(readFileSync(resolve(out, 'monthly-activity.svg'), 'utf8')).toContain('Filtered: 2021-02-01 – 2021-02-28 · students only.');
			expect(readFileSync(resolve(out, 'monthly-activity.csv'), 'utf8').split('\r\n').slice(0, 2)).toEqual([
				'\ufeffmonth,messages,words,likes,active_members,coverage,peak,peak_event,peak_event_distance_days,stage,filter',
				'2021-02,3,7,,2,1,false,,,,Filtered: 2021-02-01 – 2021-02-28 · students only.'
			]);
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	});

	it('exit 2 with one line for a day that is not a date, or a member or role the dataset lacks', async () => {
		const cases: [string[], string][] = [
			[['--from', '2021-13-01'], 'resonance: --from: “2021-13-01” is not a date (YYYY-MM-DD).\n'],
			[['--member', 'Zed'], 'resonance: --member "Zed": no member with counted messages has that name or id\n'],
			[['--role', 'boss'], 'resonance: --role "boss": not in this dataset (mentor, student)\n']
		];
		const results = await Promise.all(cases.map(([args]) => failure('analyze', ...DATASET, ...args)));
		expect(results.map((result) => [result.code, result.stdout, result.stderr])).toEqual(cases.map(([, stderr]) => [2, '', stderr]));
	});
});
