import type { StageSetting } from './analysis-settings';
import { dayProblem } from './day-problem';
import { m } from '../i18n/messages';

/** A stage as the Settings view edits it: a draft that keeps its `id` while its dates change. */
export interface StageRow extends StageSetting {
	id: number;
}

/** Plain sentences for the fields of one stage row that keep it out of the settings. */
export type StageRowProblems = Partial<Record<'name' | 'start' | 'end', string>>;

/**
 * Splits draft stage rows into the stages that can be applied (sorted by start, with their row ids) and a
 * problem per field of the others. Rows equal to an already `applied` stage are checked first, so an edit
 * that makes a row overlap another leaves the other applied and flags the edited row.
 */
export function checkStageRows(rows: readonly StageRow[], applied: readonly StageSetting[]): { stages: StageRow[]; problems: Map<number, StageRowProblems> } {
	const problems = new Map<number, StageRowProblems>();
	const wasApplied = (row: StageRow) => applied.some((stage) => stage.name === row.name.trim() && stage.start === row.start && stage.end === row.end);
	const ordered = [...rows.filter(wasApplied), ...rows.filter((row) => !wasApplied(row))];
	const accepted: StageRow[] = [];
	for (const row of ordered) {
		const name = row.name.trim();
		const found: StageRowProblems = {};
		if (name === '') found.name = m.stage_problem_no_name();
		else if (accepted.some((other) => other.name === name)) found.name = m.stage_problem_name_taken({ name });
		const start = dayProblem(row.start, 'first day');
		const end = dayProblem(row.end, 'last day');
		if (start) found.start = start;
		if (end) found.end = end;
		if (!start && !end && row.end < row.start) found.end = m.stage_problem_before_first_day({ start: row.start });
		if (!found.start && !found.end) {
			const overlapped = accepted.find((other) => row.start <= other.end && other.start <= row.end);
			if (overlapped) found.start = m.stage_problem_overlaps({ name: overlapped.name, start: overlapped.start, end: overlapped.end });
		}
		if (Object.keys(found).length > 0) problems.set(row.id, found);
		else accepted.push({ id: row.id, name, start: row.start, end: row.end });
	}
	return { stages: accepted.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)), problems };
}
