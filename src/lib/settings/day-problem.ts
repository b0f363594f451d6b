import { m } from '../i18n/messages';

const EARLIEST_YEAR = 1970;
const FIELD_NAMES: Record<string, () => string> = {
	'first day': m.day_field_first,
	'last day': m.day_field_last,
	day: m.day_field_day,
	date: m.day_field_date,
	'from day': m.day_field_from,
	'to day': m.day_field_to
};

/**
 * Why `value` (what a date input holds) is not a usable day, as a plain sentence naming the field, or null.
 * A year before 1970 is refused: no chat export is that old, and it is what a half-typed year becomes.
 */
export function dayProblem(value: string, field: string): string | null {
	if (value.trim() === '') return m.day_problem_choose({ field: FIELD_NAMES[field]?.() ?? field });
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return m.day_problem_not_date({ value });
	if (+match[1] < EARLIEST_YEAR) return m.day_problem_year_unfinished({ year: match[1] });
	if (new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])).toISOString().slice(0, 10) !== value) return m.day_problem_not_date({ value });
	return null;
}
