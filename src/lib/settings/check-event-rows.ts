import type { EventSetting } from './analysis-settings';
import { dayProblem } from './day-problem';
import { m } from '../i18n/messages';

/** An event as the Settings view edits it: a draft that keeps its `id` while its date changes. */
export interface EventRow extends EventSetting {
	id: number;
}

/** Plain sentences for the fields of one event row that keep it out of the settings. */
export type EventRowProblems = Partial<Record<'date' | 'label', string>>;

/** Splits draft event rows into the events that can be applied (sorted by date, ties in row order) and a problem per field of the others. */
export function checkEventRows(rows: readonly EventRow[]): { events: EventRow[]; problems: Map<number, EventRowProblems> } {
	const problems = new Map<number, EventRowProblems>();
	const events: EventRow[] = [];
	for (const row of rows) {
		const found: EventRowProblems = {};
		const date = dayProblem(row.date, 'date');
		if (date) found.date = date;
		if (row.label.trim() === '') found.label = m.event_problem_no_label();
		if (Object.keys(found).length > 0) problems.set(row.id, found);
		else events.push({ id: row.id, date: row.date, label: row.label.trim() });
	}
	return { events: events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)), problems };
}
