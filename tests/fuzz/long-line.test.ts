import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { checkedImport } from './checked-import';

const MB = 1024 * 1024;
let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db?.close();
});

// One long line is built per test, not per case: the point is its size, not its variety.
function longText(bytes: number): string {
	return 'spam <script>x</script> '.repeat(Math.ceil(bytes / 24)).slice(0, bytes);
}

describe('a very long line', () => {
	it('a 24 MB CSV row is rejected as longer than 16 MB at its line; the rows around it load', async () => {
		const csv = `timestamp,author,text\n2021-01-01 10:00,Ann,before\n2021-01-01 11:00,Bo,${longText(24 * MB)}\n2021-01-01 12:00,Cy,after\n`;
		const outcome = await checkedImport(db, 'long.csv', new TextEncoder().encode(csv));
		expect(outcome).toMatchObject({ report: { rows: 2, rejected: 1, errors: [{ line: 3, reason: 'row is longer than 16 MB' }] } });
	});

	it('a 24 MB quoted CSV field spanning many lines is rejected at the line it starts on', async () => {
		const csv = `timestamp,author,text\n2021-01-01 10:00,Ann,"${longText(24 * MB).replace(/ /g, '\n')}"\n2021-01-01 12:00,Cy,after\n`;
		const outcome = await checkedImport(db, 'long.csv', new TextEncoder().encode(csv));
		expect(outcome).toMatchObject({ report: { rows: 1, rejected: 1, errors: [{ line: 2, reason: 'row is longer than 16 MB' }] } });
	});

	it('a 70 MB WhatsApp message makes a one-line refusal, not a DuckDB error; a 15 MB one loads whole', async () => {
		const chat = (length: number) => `01/02/2021, 10:00 - Ann: hi\n01/02/2021, 10:01 - Bo: ${longText(length)}\n01/02/2021, 10:02 - Cy: bye\n`;
		expect(await checkedImport(db, 'WhatsApp Chat.txt', new TextEncoder().encode(chat(70 * MB)))).toEqual({
			refused: 'Message 2 of WhatsApp Chat.txt (2021-02-01 10:01:00) is longer than 16 MB; the file looks damaged, so nothing was imported from it.'
		});
		const outcome = await checkedImport(db, 'WhatsApp Chat.txt', new TextEncoder().encode(chat(15 * MB)));
		expect(outcome).toMatchObject({ report: { format: 'whatsapp', rows: 3, rejected: 0 } });
		const [{ longest }] = await db.query<{ longest: number }>('SELECT max(length(text))::INTEGER AS longest FROM messages');
		expect(longest).toBe(longText(15 * MB).trim().length);
	});
});
