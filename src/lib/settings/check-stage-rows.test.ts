import { describe, expect, test } from 'vitest';
import { checkStageRows } from './check-stage-rows';

const APPLIED = [
	{ name: 'Medical students', start: '2020-09-01', end: '2021-06-30' },
	{ name: 'Interns', start: '2021-07-01', end: '2022-02-28' }
];

describe('checkStageRows(rows, applied)', () => {
	test('applies valid rows sorted by start and keeps their ids', () => {
		const rows = [
			{ id: 7, name: ' Interns ', start: '2021-07-01', end: '2022-02-28' },
			{ id: 3, name: 'Medical students', start: '2020-09-01', end: '2021-06-30' }
		];
		expect(checkStageRows(rows, APPLIED)).toEqual({
			stages: [
				{ id: 3, name: 'Medical students', start: '2020-09-01', end: '2021-06-30' },
				{ id: 7, name: 'Interns', start: '2021-07-01', end: '2022-02-28' }
			],
			problems: new Map()
		});
	});

	test('an edited row that overlaps an applied one is flagged, and the applied one stays, whatever the row order', () => {
		const rows = [
			{ id: 1, name: 'Medical students', start: '2020-09-01', end: '2021-08-31' },
			{ id: 2, name: 'Interns', start: '2021-07-01', end: '2022-02-28' }
		];
		const { stages, problems } = checkStageRows(rows, APPLIED);
		expect(stages.map((stage) => stage.id)).toEqual([2]);
		expect(problems).toEqual(new Map([[1, { start: 'Overlaps “Interns” (2021-07-01 – 2022-02-28).' }]]));
	});

	test('names each bad field in a plain sentence: empty, duplicate, half-typed year, end before start', () => {
		const rows = [
			{ id: 1, name: '', start: '', end: '2021-01-31' },
			{ id: 2, name: 'Interns', start: '0021-01-11', end: '2021-01-31' },
			{ id: 3, name: 'Later', start: '2023-03-02', end: '2023-03-01' },
			{ id: 4, name: 'Interns', start: '2021-07-01', end: '2022-02-28' }
		];
		const { stages, problems } = checkStageRows(rows, APPLIED);
		expect(stages.map((stage) => stage.id)).toEqual([4]);
		expect(Object.fromEntries(problems)).toEqual({
			1: { name: 'Give the stage a name.', start: 'Choose the first day.' },
			2: { name: 'Another stage is called “Interns”.', start: 'The year 0021 looks unfinished: type all four digits.' },
			3: { end: 'Before the first day (2023-03-02).' }
		});
	});
});
