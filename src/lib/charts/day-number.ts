/** Days since 1970-01-01 of a `YYYY-MM-DD` (or `YYYY-MM`, its first day) calendar date, without time zones. */
export function dayNumber(date: string): number {
	const [year, month, day = '1'] = date.split('-');
	return Date.UTC(Number(year), Number(month) - 1, Number(day)) / 86_400_000;
}
