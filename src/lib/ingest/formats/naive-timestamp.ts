/**
 * `YYYY-MM-DD HH:MM:SS` for a wall-clock time written without a zone, or null when the parts are not a
 * real calendar time (month 13, 31 February, hour 24, …) or fall outside 1990–2100, the years a CSV import
 * accepts too: a chat dated 1899 or 2200 is a damaged row, and would stretch every series over centuries.
 */
export function naiveTimestamp(year: number, month: number, day: number, hour: number, minute: number, second: number): string | null {
	if (!Number.isInteger(year) || year < 1990 || year > 2100) return null;
	if (!(month >= 1 && month <= 12)) return null;
	if (!(day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate())) return null;
	if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return null;
	const two = (value: number) => String(value).padStart(2, '0');
	return `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}:${two(second)}`;
}
