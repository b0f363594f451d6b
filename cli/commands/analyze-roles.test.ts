import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSampleCommunity } from '../../src/lib/sample/generate-sample-community';
import { resonanceInProcess } from '../resonance-in-process';

// Three CLI runs at once, each opening DuckDB; one run (then a process of its own) took 62 s on this machine under load.
const CLI_TIMEOUT_MS = 480_000;
const root = resolve(import.meta.dirname, '../..');
const resonance = (...args: string[]) => resonanceInProcess(args);

interface StageOutput {
	stage: string;
	mentor_to_student: number;
	student_to_mentor: number;
	student_to_student: number;
	peer_share: number | null;
}

let dir: string;
let mentor: string;

// The study's shape: the sample community (1 mentor, 58 students, 26 months) as an export gives it, with no
// role and no reply id, and its three stages.
beforeAll(() => {
	dir = mkdtempSync(resolve(tmpdir(), 'resonance-roles-'));
	const sample = generateSampleCommunity();
	const rows = Papa.parse<Record<string, string>>(sample.csv, { header: true, skipEmptyLines: true }).data;
	const bare = rows.map(({ role, reply_to, ...row }) => row);
	writeFileSync(resolve(dir, 'community-no-roles.csv'), Papa.unparse(bare));
	const roster = Papa.parse<Record<string, string>>(sample.roster_csv, { header: true, skipEmptyLines: true }).data;
	mentor = roster.find((member) => member.role === 'mentor')!.author;
	writeFileSync(resolve(dir, 'roster-full.csv'), sample.roster_csv);
	writeFileSync(resolve(dir, 'roster-mentor-only.csv'), `author,role\n${mentor},mentor\n`);
	writeFileSync(resolve(dir, 'settings.json'), JSON.stringify({ time_zone: sample.settings.time_zone, stages: sample.settings.stages }));
	writeFileSync(resolve(dir, 'settings-mentor.json'), JSON.stringify({ time_zone: sample.settings.time_zone, stages: sample.settings.stages, roles: { [mentor]: 'mentor' } }));
});

const stageLinks = async (...args: string[]) => {
	const { stdout } = await resonance('analyze', resolve(dir, 'community-no-roles.csv'), ...args);
	return (JSON.parse(stdout).stages as StageOutput[]).map(({ stage, mentor_to_student, student_to_mentor, student_to_student, peer_share }) => ({
		stage,
		mentor_to_student,
		student_to_mentor,
		student_to_student,
		peer_share
	}));
};

describe('resonance analyze: roles of an export that has none', () => {
	it('a roster naming only the mentor, or --config naming only the mentor, counts every link per stage exactly as the full roster does', async () => {
		const config = ['--config', resolve(dir, 'settings.json')];
		const [full, mentor_only, from_config] = await Promise.all([
			stageLinks('--roster', resolve(dir, 'roster-full.csv'), ...config),
			stageLinks('--roster', resolve(dir, 'roster-mentor-only.csv'), ...config),
			stageLinks('--config', resolve(dir, 'settings-mentor.json'))
		]);
		expect(full).toHaveLength(3);
		for (const stage of full) {
			expect(stage.mentor_to_student).toBeGreaterThan(0);
			expect(stage.student_to_mentor).toBeGreaterThan(0);
			expect(stage.student_to_student).toBeGreaterThan(0);
		}
		expect(mentor_only).toEqual(full);
		expect(from_config).toEqual(full);
	}, CLI_TIMEOUT_MS);

	it('reports the rejected rows of --roster by line and reason, and uses the rows it could read', async () => {
		const fixtures = resolve(root, 'tests/fixtures/roles');
		const roster = resolve(fixtures, 'roster__dan-mentor_2-bad-rows_1-lurker.csv');
		const { stdout } = await resonance('analyze', resolve(fixtures, 'qq-txt__owner-dan_admin-lin_3-students_no-roles_jan-mar-2021.txt'), '--roster', roster);
		const output = JSON.parse(stdout);
		expect(output.import.roster).toEqual({
			source: roster,
			rows: 2,
			rejected: 2,
			errors: [
				{ line: 3, reason: 'author is empty' },
				{ line: 4, reason: 'role of Bo is empty' }
			]
		});
		// Dan老师 is the mentor from the roster's one readable role row; everyone else counts as a student
		expect(output.monthly.map((month: { month: string; mentor_messages: number; active_students: number }) => [month.month, month.mentor_messages, month.active_students])).toEqual([
			['2021-01', 3, 3],
			['2021-02', 2, 3],
			['2021-03', 1, 3]
		]);
		// "Amy加油" (Feb) names a student: the one mentor→student link the inference finds there
		expect(output.links.monthly.find((month: { month: string }) => month.month === '2021-02').mentor_to_student).toBe(1);
	}, CLI_TIMEOUT_MS);
});
