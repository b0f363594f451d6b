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
	const lines = rows.map((row) => names.map((name) => csvCell(row[name])).join(','));
	const file_name = `rows_${++batch}.csv`;
	await db.registerFile(file_name, { bytes: new TextEncoder().encode(names.join(',') + '\n' + lines.join('\n') + '\n') });
	try {
		const declared = names.map((name) => `'${name}': '${columns[name]}'`).join(', ');
		await db.exec(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv('${file_name}', header = true,
			auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false,
			columns = {${declared}}, max_line_size = 67108864)`);
	} finally {
		await db.dropFile(file_name);
	}
}

function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return '';
	if (typeof value === 'number') return String(value);
	return '"' + value.replaceAll('"', '""') + '"';
}
