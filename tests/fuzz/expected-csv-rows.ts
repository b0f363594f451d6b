import Papa from 'papaparse';

/**
 * Data rows in a CSV's text, counted without the importer's code: records after the header, empty lines
 * skipped, and a CRLF, CR or LF outside quotes ends a record (as in universal-newline readers: Python, Excel).
 * papaparse counts; where a closing quote is followed by text, papaparse reads on to the next quote (often the
 * rest of the file) while DuckDB, Python's csv and Excel end that row at its line break, so there the
 * count follows Python's csv module (non-strict): the text after the quote stays in the same field.
 */
export function expectedCsvRows(text: string): number {
	const normalized = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
	const parsed = Papa.parse<string[]>(normalized, { delimiter: ',', newline: '\n', quoteChar: '"', skipEmptyLines: true });
	const records = parsed.errors.some((error) => error.code === 'InvalidQuotes') ? pythonCsvRecords(normalized) : parsed.data.length;
	return Math.max(0, records - 1);
}

function pythonCsvRecords(text: string): number {
	let records = 0;
	let in_quotes = false;
	let field_start = true;
	let record_empty = true;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (in_quotes) {
			if (char !== '"') continue;
			if (text[index + 1] === '"') index++;
			else in_quotes = false;
			continue;
		}
		if (char === '\n') {
			if (!record_empty) records++;
			record_empty = true;
			field_start = true;
			continue;
		}
		record_empty = false;
		if (char === ',') field_start = true;
		else {
			if (char === '"' && field_start) in_quotes = true;
			field_start = false;
		}
	}
	return record_empty ? records : records + 1;
}
