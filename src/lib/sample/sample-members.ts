export interface SampleMember {
	author: string;
	role: 'mentor' | 'student';
	cohort: string;
	/** relative posting activity; multiplied by the stage weight of the current stage */
	weight: number;
	stage_weights: [number, number, number];
	/** first day the member can post (YYYY-MM-DD), null = from the start */
	joined_on: string | null;
	/** first day the member no longer posts (YYYY-MM-DD), null = active to the end */
	left_on: string | null;
	lurker: boolean;
}

const MENTOR_NAME = 'M01 Mentor';
const POSTING_STUDENTS = 58;
const LURKERS = 3;
const LATE_JOINERS: Record<string, string> = { S57: '2021-09-06', S58: '2021-09-06' };
// Students who leave for hospital placements in the last stage and never post again.
const LEAVERS: Record<string, string> = {
	S03: '2022-03-18',
	S55: '2022-03-29',
	S11: '2022-04-02',
	S19: '2022-04-20',
	S26: '2022-05-06',
	S33: '2022-05-25',
	S40: '2022-06-10',
	S44: '2022-06-28',
	S51: '2022-07-15'
};

function cohortOf(index: number): string {
	if (index <= 24) return 'Class A';
	if (index <= 46) return 'Class B';
	return 'Class C';
}

/** The mentor, students S01–S58 who post, and lurkers S59–S61 who only appear in the roster. */
export function sampleMembers(random: () => number): SampleMember[] {
	const members: SampleMember[] = [
		{
			author: MENTOR_NAME,
			role: 'mentor',
			cohort: '',
			weight: 1,
			stage_weights: [1, 1, 1],
			joined_on: null,
			left_on: null,
			lurker: false
		}
	];
	const lurker_cohorts = ['Class A', 'Class B', 'Class C'];
	for (let index = 1; index <= POSTING_STUDENTS + LURKERS; index++) {
		const author = `S${String(index).padStart(2, '0')}`;
		const lurker = index > POSTING_STUDENTS;
		const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
		members.push({
			author,
			role: 'student',
			cohort: lurker ? lurker_cohorts[index - POSTING_STUDENTS - 1] : cohortOf(index),
			weight: Math.min(3.5, Math.max(0.3, Math.exp(0.7 * normal))),
			stage_weights: [0.5 + random(), 0.5 + random(), 0.5 + random()],
			joined_on: LATE_JOINERS[author] ?? null,
			left_on: LEAVERS[author] ?? null,
			lurker
		});
	}
	return members;
}
