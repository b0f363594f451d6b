import type { Db } from './db';

let batch = 0;

/**
 * Creates `table` with the given column types and fills it with `rows`, through a CSV that DuckDB reads.
 * (duckdb-wasm's Arrow insert silently inserts nothing in the Node blocking build, and read_json needs
 * an extension that is fetched from the internet, so CSV is the one path that works in both runtimes.)
 */
export async function insertRows(
	db: Db,
	table: string,
	columns: Record<string, 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'TIMESTAMP'>,
	rows: readonly Record<string, string | number | null>[]
): Promise<void> {
	const names = Object.keys(columns);
	const header = names.join(',');
	const lines = rows.map((row) => names.map((name) => csvCell(row[name])).join(','));
	const file_name = `rows_${++batch}.csv`;
	// A UTF-16 unit takes at most 3 bytes in UTF-8. DuckDB allocates buffers by max_line_size, so a fixed
	// 64 MB cost 65–350 ms per call even for one row; the default 2 MB is enough for almost every call.
	const longest_line_bytes = 3 * lines.reduce((longest, line) => Math.max(longest, line.length), header.length);
	await db.registerFile(file_name, { bytes: new TextEncoder().encode(header + '\n' + lines.join('\n') + '\n') });
	try {
		const declared = names.map((name) => `'${name}': '${columns[name]}'`).join(', ');
		await db.exec(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv('${file_name}', header = true,
			auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false,
			columns = {${declared}}, max_line_size = ${Math.max(2_097_152, longest_line_bytes + 1)})`);
	} finally {
		await db.dropFile(file_name);
	}
}

function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return '';
	if (typeof value === 'number') return String(value);
	return '"' + value.replaceAll('"', '""') + '"';
}
