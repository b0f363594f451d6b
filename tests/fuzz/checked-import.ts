import { expect } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { bytesImportSource } from '../../src/lib/ingest/sources/bytes-import-source';
import type { ImportReport } from '../../src/lib/ingest/import-report';
import { loadDataset } from '../../src/lib/ingest/load-dataset';
import { ensureTables } from '../../src/lib/metrics/derived-tables';

export type ImportOutcome = { refused: string } | { report: ImportReport };

// DuckDB's own error classes ("Invalid Input Error: …") mean an engine error leaked out unexplained.
const ENGINE_ERROR = /^(?:[A-Z][a-z]+ )+Error:|TypeError|RangeError|undefined|\[object /;

/**
 * Loads one file with `loadDataset` into `db` and checks what must hold for any input: a refusal is a plain
 * one-line `Error` that explains itself; an import has `rows` messages in the table and every rejected row
 * has a line ≥ 1 (≤ `max_line` when given) and a reason.
 */
export async function checkedImport(db: Db, name: string, bytes: Uint8Array, max_line?: number): Promise<ImportOutcome> {
	let reports: ImportReport[];
	try {
		reports = await loadDataset(db, [{ source: bytesImportSource(name, bytes) }], { time_zone: 'Asia/Shanghai' });
	} catch (error) {
		expect(error).toBeInstanceOf(Error);
		const { message } = error as Error;
		expect((error as Error).constructor, message).toBe(Error);
		expect(message, 'a refusal fits on one line').not.toMatch(/[\r\n]/);
		expect(message.length, message).toBeGreaterThan(10);
		expect(message.length, message).toBeLessThanOrEqual(400);
		expect(message, 'a refusal is written for a person, not an engine error').not.toMatch(ENGINE_ERROR);
		return { refused: message };
	}
	expect(reports).toHaveLength(1);
	const [report] = reports;
	expect(report.rejected).toBe(report.errors.length);
	for (const error of report.errors) {
		expect(error.line, error.reason).toBeGreaterThanOrEqual(1);
		if (max_line !== undefined) expect(error.line, error.reason).toBeLessThanOrEqual(max_line);
		expect(error.reason.trim(), `line ${error.line}`).not.toBe('');
	}
	await ensureTables(db, ['counted_messages']);
	const [{ messages, members, counted }] = await db.query<{ messages: number; members: number; counted: number }>(
		`SELECT (SELECT count(*) FROM messages)::INTEGER AS messages,
			(SELECT count(*) FROM members WHERE messages > 0)::INTEGER AS members,
			(SELECT count(*) FROM counted_messages)::INTEGER AS counted`
	);
	expect(messages).toBe(report.rows);
	expect(members).toBe(report.members);
	expect(counted).toBeLessThanOrEqual(messages);
	return { report };
}
