import type { Table } from 'apache-arrow';

/**
 * Converts an Arrow result into plain objects so no caller ever sees BigInt, Arrow vectors or structs.
 * BigInts become numbers (counts never pass 2^53 here); nested lists and structs become arrays and objects.
 */
export function plainRows<Row>(table: Table): Row[] {
	const names = table.schema.fields.map((field) => field.name);
	const columns = names.map((name) => table.getChild(name));
	const rows: Row[] = new Array(table.numRows);
	for (let index = 0; index < table.numRows; index++) {
		const row: Record<string, unknown> = {};
		for (let column = 0; column < names.length; column++) {
			row[names[column]] = plainValue(columns[column]?.get(index));
		}
		rows[index] = row as Row;
	}
	return rows;
}

function plainValue(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value === null || value === undefined) return null;
	if (typeof value !== 'object') return value;
	if (value instanceof Uint8Array) return value;
	if (typeof (value as { toArray?: unknown }).toArray === 'function' && Symbol.iterator in (value as object)) {
		return Array.from(value as Iterable<unknown>, plainValue);
	}
	if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
		const json = (value as { toJSON(): unknown }).toJSON();
		if (json && typeof json === 'object') {
			return Object.fromEntries(Object.entries(json).map(([key, inner]) => [key, plainValue(inner)]));
		}
		return json;
	}
	return value;
}
