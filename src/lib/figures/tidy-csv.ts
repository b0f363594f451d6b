import { spreadsheetSafeCell } from '../ingest/spreadsheet/spreadsheet-safe-cell';
import { SPREADSHEET_UTF8_BOM } from '../ingest/spreadsheet/spreadsheet-utf8-bom';

/** A cell of a tidy table: text, a number, a flag, or empty. */
export type TidyValue = string | number | boolean | null | undefined;

/**
 * The data behind a figure as CSV (UTF-8 BOM, CRLF, header from the keys in first-seen order, one row per plotted
 * observation): text cells go through spreadsheetSafeCell so a spreadsheet never runs them as formulas;
 * numbers are written as JavaScript prints them (a negative number is a number, not a formula); null,
 * undefined and non-finite numbers are empty cells.
 */
export function tidyCsv(rows: readonly Record<string, TidyValue>[]): string {
	const columns: string[] = [];
	for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
	const cell = (value: TidyValue) => {
		if (value === null || value === undefined) return '';
		if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
		if (typeof value === 'boolean') return String(value);
		return spreadsheetSafeCell(value);
	};
	const lines = [columns.map(spreadsheetSafeCell).join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))];
	return SPREADSHEET_UTF8_BOM + lines.join('\r\n') + '\r\n';
}
