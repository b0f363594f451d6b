import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { anonymizeDataset } from '../../src/lib/anonymize/anonymize-dataset';
import type { AnonymizeOptions } from '../../src/lib/anonymize/anonymize-options';
import { looksIdentifiable } from '../../src/lib/anonymize/looks-identifiable';
import { bytesImportSource } from '../../src/lib/ingest/bytes-import-source';
import { loadDataset } from '../../src/lib/ingest/load-dataset';
import { DATASET_OPTIONS, loadCliDataset } from '../load-cli-dataset';

const KEEP_FLAGS: Record<string, keyof AnonymizeOptions> = {
	'keep-names-in-text': 'scrub_names_in_text',
	'keep-name-parts': 'scrub_name_parts',
	'keep-urls': 'scrub_urls',
	'keep-emails': 'scrub_emails',
	'keep-phones': 'scrub_phones',
	'keep-platform-ids': 'scrub_platform_ids'
};

/** `resonance anonymize`: the anonymized CSV, its key and (optionally) roster, and a JSON summary on stdout. */
export async function anonymizeCommand(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			...DATASET_OPTIONS,
			out: { type: 'string' },
			key: { type: 'string' },
			'roster-out': { type: 'string' },
			...Object.fromEntries(Object.keys(KEEP_FLAGS).map((flag) => [flag, { type: 'boolean' as const, default: false }]))
		}
	});
	if (!values.out || !values.key) throw new Error('give --out OUT.csv and --key KEY.csv (the key is the only way back from codes to names)');
	const outputs = [values.out, values.key, values['roster-out']].filter((path): path is string => typeof path === 'string').map((path) => resolve(path));
	if (new Set(outputs).size < outputs.length) throw new Error('--out, --key and --roster-out must be different files');
	const input = positionals.map((path) => resolve(path)).find((path) => outputs.includes(path));
	if (input) throw new Error(`${input} is an input file; write the anonymized files elsewhere`);

	const options = Object.fromEntries(
		Object.entries(KEEP_FLAGS).map(([flag, option]) => [option, !(values as Record<string, unknown>)[flag]])
	) as unknown as AnonymizeOptions;
	const { db, report } = await loadCliDataset(positionals, { roster: values.roster as string | undefined, tz: values.tz as string | undefined, engine: values.engine as string | undefined });
	try {
		const anonymized = await anonymizeDataset(db, options);
		writeFileSync(values.out as string, anonymized.csv);
		writeFileSync(values.key as string, anonymized.key_csv, { mode: 0o600 });
		if (values['roster-out']) writeFileSync(values['roster-out'] as string, anonymized.roster_csv);

		// Read the written file back the way anyone would, and say what still looks identifiable in it.
		await loadDataset(db, [{ source: bytesImportSource('anonymized.csv', new TextEncoder().encode(anonymized.csv)) }], { time_zone: report.time_zone });
		const output = {
			import: report,
			anonymized: {
				out: values.out,
				key: values.key,
				roster_out: values['roster-out'] ?? null,
				messages: anonymized.messages,
				members: anonymized.members,
				replaced: anonymized.replaced,
				options,
				still_identifiable: await looksIdentifiable(db)
			}
		};
		process.stdout.write(JSON.stringify(output, null, 2) + '\n');
		return 0;
	} finally {
		await db.close();
	}
}
