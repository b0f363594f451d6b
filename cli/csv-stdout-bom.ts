import { fstatSync } from 'node:fs';
import { SPREADSHEET_UTF8_BOM } from '../src/lib/ingest/spreadsheet/spreadsheet-utf8-bom';

/**
 * The BOM a CSV written to stdout starts with: only when stdout is a file (`resonance trend … > trend.csv`), which
 * is how a person gets a CSV to open in Excel. A terminal shows no BOM, and a pipe (`| grep`, `| head`, another
 * program) gets plain CSV whose first field is not glued to an invisible U+FEFF.
 */
export function csvStdoutBom(stdout: { fd?: number }): string {
	try {
		return stdout.fd !== undefined && fstatSync(stdout.fd).isFile() ? SPREADSHEET_UTF8_BOM : '';
	} catch {
		return '';
	}
}
