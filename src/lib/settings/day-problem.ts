const EARLIEST_YEAR = 1970;

/**
 * Why `value` (what a date input holds) is not a usable day, as a plain sentence naming the field, or null.
 * A year before 1970 is refused: no chat export is that old, and it is what a half-typed year becomes.
 */
export function dayProblem(value: string, field: string): string | null {
	if (value.trim() === '') return `Choose the ${field}.`;
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return `“${value}” is not a date (YYYY-MM-DD).`;
	if (+match[1] < EARLIEST_YEAR) return `The year ${match[1]} looks unfinished: type all four digits.`;
	if (new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])).toISOString().slice(0, 10) !== value) return `“${value}” is not a date (YYYY-MM-DD).`;
	return null;
}
