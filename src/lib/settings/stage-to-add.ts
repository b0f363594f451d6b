import type { StageSetting } from './analysis-settings';

/**
 * The stage "Add a stage" makes from valid, sorted `stages` and the data's first and last day: the uncovered
 * days after the last stage, or, when the last stage reaches the data's end, the second half of the last
 * stage (`shortened_last` is then its first half). Its name is the first free "Stage N".
 */
export function stageToAdd(stages: readonly StageSetting[], data_days: readonly [string, string]): { added: StageSetting; shortened_last: StageSetting | null } {
	const names = new Set(stages.map((stage) => stage.name));
	let number = stages.length + 1;
	while (names.has(`Stage ${number}`)) number++;
	const name = `Stage ${number}`;
	const last = stages.at(-1);
	if (!last) return { added: { name, start: data_days[0], end: data_days[1] }, shortened_last: null };
	if (last.end < data_days[1]) return { added: { name, start: nextDay(last.end), end: data_days[1] }, shortened_last: null };
	const days = daysBetween(last.start, last.end);
	if (days === 0) return { added: { name, start: nextDay(last.end), end: nextDay(last.end) }, shortened_last: null };
	const start = splitDay(last.start, days);
	return { added: { name, start, end: last.end }, shortened_last: { ...last, end: addDays(start, -1) } };
}

// The first of a month nearest the stage's middle, so the halves read as whole months; else the middle day.
function splitDay(start: string, days: number): string {
	const middle = Date.parse(`${start}T00:00:00Z`) + ((days + 1) / 2) * 86_400_000;
	const first = new Date(`${start}T00:00:00Z`);
	let best: string | null = null;
	for (let month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)); month.getTime() <= first.getTime() + days * 86_400_000; month.setUTCMonth(month.getUTCMonth() + 1)) {
		if (best === null || Math.abs(month.getTime() - middle) < Math.abs(Date.parse(`${best}T00:00:00Z`) - middle)) best = month.toISOString().slice(0, 10);
	}
	return best ?? addDays(start, Math.ceil(days / 2));
}

function nextDay(day: string): string {
	return addDays(day, 1);
}

function addDays(day: string, count: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + count);
	return date.toISOString().slice(0, 10);
}

function daysBetween(first: string, last: string): number {
	return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000);
}
