import { parseArgs } from 'node:util';
import { DATASET_OPTIONS, loadCliDataset } from '../load-cli-dataset';
import { monthlySeries } from '../../src/lib/metrics/monthly-series';

export const analyzeUsage = `resonance analyze FILE... [--roster FILE] [--tz ZONE]
    import the files (one dataset) and print the import report and the monthly series as JSON`;

/** `resonance analyze`: the JSON contract later work and checks rely on. */
export async function analyzeCommand(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: DATASET_OPTIONS });
	const { db, report } = await loadCliDataset(positionals, values);
	try {
		const output = {
			import: report,
			monthly: await monthlySeries(db)
		};
		process.stdout.write(JSON.stringify(output, null, 2) + '\n');
		return 0;
	} finally {
		await db.close();
	}
}
