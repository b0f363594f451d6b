import { describe, expect, test } from 'vitest';
import { checkEventRows } from './check-event-rows';

describe('checkEventRows(rows)', () => {
	test('applies rows with a date and a label, sorted by date with ties in row order; the others get a sentence per field', () => {
		const rows = [
			{ id: 1, date: '2021-03-04', label: 'Mentor task' },
			{ id: 2, date: '', label: 'New event' },
			{ id: 3, date: '2021-01-11', label: ' Exams ' },
			{ id: 4, date: '2021-01-11', label: 'Holiday' },
			{ id: 5, date: '0002-01-11', label: '' }
		];
		const { events, problems } = checkEventRows(rows);
		expect(events).toEqual([
			{ id: 3, date: '2021-01-11', label: 'Exams' },
			{ id: 4, date: '2021-01-11', label: 'Holiday' },
			{ id: 1, date: '2021-03-04', label: 'Mentor task' }
		]);
		expect(Object.fromEntries(problems)).toEqual({
			2: { date: 'Choose the date.' },
			5: { date: 'The year 0002 looks unfinished: type all four digits.', label: 'Say what happened.' }
		});
	});
});
