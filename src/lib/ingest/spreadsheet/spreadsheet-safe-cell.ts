/**
 * One CSV cell, quoted when needed; a value a spreadsheet would run as a formula (= + - @, tab, CR)
 * gets a leading apostrophe, so an exported file cannot execute anything.
 */
export function spreadsheetSafeCell(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
