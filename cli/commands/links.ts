import { parseArgs } from 'node:util';
import { spreadsheetSafeCell } from '../../src/lib/ingest/spreadsheet/spreadsheet-safe-cell';
import { ensureTables } from '../../src/lib/metrics/derived-tables';
import { DATASET_OPTIONS, engineOptions, loadCliDataset } from '../load-cli-dataset';
import { csvStdoutBom } from '../csv-stdout-bom';
import { machineTimeZone } from '../machine-time-zone';
import type { CliIo } from '../cli-io';

const BATCH_ROWS = 100_000;

/** `resonance links`: the interaction links table as CSV (RFC 4180, formula cells neutralized) with each link's rule and reason, for checking inference by hand. */
export async function linksCommand(argv: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: DATASET_OPTIONS });
	const { db } = await loadCliDataset(positionals, { ...values, tz: values.tz ?? machineTimeZone(io.env), ...engineOptions(values) });
	try {
		await ensureTables(db, ['links']);
		io.stdout.write(csvStdoutBom(io.stdout) + 'message_id,parent_id,rule,reason\r\n');
		for (let from = 1; ; from += BATCH_ROWS) {
			const rows = await db.query<{ message_id: string; parent_id: string | null; rule: string; reason: string }>(
				'SELECT message_id, parent_id, rule, reason FROM links WHERE seq >= ? AND seq < ? ORDER BY seq',
				[from, from + BATCH_ROWS]
			);
			if (rows.length === 0) break;
			io.stdout.write(rows.map((row) => `${spreadsheetSafeCell(row.message_id)},${spreadsheetSafeCell(row.parent_id ?? '')},${row.rule},${spreadsheetSafeCell(row.reason)}\r\n`).join(''));
		}
		return 0;
	} finally {
		await db.close();
	}
}
