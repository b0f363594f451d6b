import type { ImportReport } from '../import-report';
import { spreadsheetSafeCell } from './spreadsheet-safe-cell';
import { SPREADSHEET_UTF8_BOM } from './spreadsheet-utf8-bom';

/** The rejected rows of an import as a CSV (`source,line,reason`; UTF-8 BOM, CRLF), safe to open in a spreadsheet. */
export function rejectedRowsCsv(report: ImportReport): string {
	const lines = report.errors.map((error) =>
		[report.source, String(error.line), error.reason].map(spreadsheetSafeCell).join(',')
	);
	return SPREADSHEET_UTF8_BOM + ['source,line,reason', ...lines].join('\r\n') + '\r\n';
}
