import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resonanceInProcess } from '../resonance-in-process';

// DuckDB opens for the run; the machine is shared.
const CLI_TIMEOUT_MS = 480_000;
const root = resolve(import.meta.dirname, '../..');
const DATASET = resolve(root, 'tests/fixtures/members/qce__member-10001-renamed-twice_member-10002-second-account-as-budi-s_mentor-10009_self-replies-across-accounts.json');

describe('resonance analyze --config with member_merges', () => {
	it('prints one member for the merged accounts, with their other names, and no suggestion left', async () => {
		const dir = mkdtempSync(resolve(tmpdir(), 'resonance-merges-'));
		const config = resolve(dir, 'settings.json');
		writeFileSync(config, JSON.stringify({ time_zone: 'UTC', roles: { '10009': 'mentor' }, member_merges: [{ into: '10001', from: ['10002'] }] }));
		const { stdout } = await resonanceInProcess(['analyze', DATASET, '--config', config]);
		const output = JSON.parse(stdout);
		expect(output.settings.member_merges).toEqual([{ into: '10001', from: ['10002'] }]);
		expect(output.members).toEqual([
			{ author_id: '10009', author_name: '李老师', other_names: [], role: 'mentor', cohort: null, messages: 2 },
			{ author_id: '10001', author_name: '布迪', other_names: ['Budi', 'Budi S.'], role: 'student', cohort: null, messages: 5 },
			{ author_id: '10003', author_name: 'Sari', other_names: [], role: 'student', cohort: null, messages: 2 }
		]);
		expect(output.merge_suggestions).toEqual([]);
		expect(output.monthly.map(({ month, active_members }: { month: string; active_members: number }) => [month, active_members])).toEqual([
			['2021-01', 3],
			['2021-02', 2],
			['2021-03', 2]
		]);
		// m5 and m8, 10002's replies to 10001, are replies to oneself now: February keeps only the mentor's answer, March Sari's.
		expect(output.links.monthly.map(({ month, mentor_to_student, student_to_mentor, student_to_student }: Record<string, number>) => [month, mentor_to_student, student_to_mentor, student_to_student])).toEqual([
			['2021-01', 0, 1, 0],
			['2021-02', 1, 0, 0],
			['2021-03', 0, 0, 1]
		]);
	}, CLI_TIMEOUT_MS);
});
