import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createNodeDb } from '../src/lib/db/duckdb-node';
import { isValidTimeZone } from '../src/lib/ingest/wall-clock';
import { parseRoster } from '../src/lib/ingest/parse-roster';
import { loadDataset } from '../src/lib/ingest/load-dataset';
import { monthlySeries } from '../src/lib/metrics/monthly-series';
import { pathImportSource } from './path-import-source';

const USAGE = `usage: resonance analyze FILE [--roster FILE] [--tz ZONE]

  analyze   import FILE and print the import report and the monthly series as JSON
  --roster  CSV with author,role[,cohort] giving roles (and listing members who never posted)
  --tz      time zone of the dataset: an IANA name (Asia/Shanghai) or an offset (+08:00); default UTC`;

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { roster: { type: 'string' }, tz: { type: 'string', default: 'UTC' }, help: { type: 'boolean', short: 'h' } }
	});
	const [command, file] = positionals;
	if (values.help || !command) {
		process.stdout.write(USAGE + '\n');
		return values.help ? 0 : 2;
	}
	if (command !== 'analyze') throw new Error(`unknown command "${command}" (try --help)`);
	if (!file) throw new Error('analyze needs a FILE');
	if (!isValidTimeZone(values.tz!)) throw new Error(`unknown time zone "${values.tz}"`);
	const roster = values.roster ? parseRoster(readFileSync(values.roster, 'utf8')).entries : undefined;

	const db = await createNodeDb();
	try {
		const [report] = await loadDataset(db, [{ source: pathImportSource(file) }], { time_zone: values.tz!, roster });
		if (report.rows === 0) {
			const first = report.errors[0];
			throw new Error(`nothing could be imported from ${file}` + (first ? ` (line ${first.line}: ${first.reason})` : ''));
		}
		const output = {
			import: {
				format: report.format,
				rows: report.rows,
				rejected: report.rejected,
				errors: report.errors,
				capabilities: report.capabilities,
				first_message_at: report.first_message_at,
				last_message_at: report.last_message_at,
				members: report.members,
				time_zone: report.time_zone
			},
			monthly: await monthlySeries(db)
		};
		process.stdout.write(JSON.stringify(output, null, 2) + '\n');
		return 0;
	} finally {
		await db.close();
	}
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`resonance: ${message.split('\n')[0]}\n`);
		process.exit(1);
	}
);
