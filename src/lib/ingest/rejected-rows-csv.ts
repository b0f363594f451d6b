import type { ImportReport } from './import-report';
import { spreadsheetSafeCell } from './spreadsheet-safe-cell';

/** The rejected rows of an import as a CSV (`source,line,reason`), safe to open in a spreadsheet. */
export function rejectedRowsCsv(report: ImportReport): string {
	const lines = report.errors.map((error) =>
		[report.source, String(error.line), error.reason].map(spreadsheetSafeCell).join(',')
	);
	return ['source,line,reason', ...lines].join('\r\n') + '\r\n';
}
