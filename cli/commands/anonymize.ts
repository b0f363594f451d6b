import { parseArgs } from 'node:util';
import { anonymizeDataset } from '../../src/lib/anonymize/anonymize-dataset';
import type { AnonymizeOptions } from '../../src/lib/anonymize/anonymize-options';
import { looksIdentifiable } from '../../src/lib/anonymize/looks-identifiable';
import { bytesImportSource } from '../../src/lib/ingest/sources/bytes-import-source';
import { loadDataset } from '../../src/lib/ingest/load-dataset';
import { DATASET_OPTIONS, engineOptions, loadCliDataset } from '../load-cli-dataset';
import { replaceFile } from '../replace-file';
import { sameFileKey } from '../same-file-key';
import { m } from '../../src/lib/i18n/messages';
import { machineTimeZone } from '../machine-time-zone';
import type { CliIo } from '../cli-io';

const KEEP_FLAGS: Record<string, keyof AnonymizeOptions> = {
	'keep-names-in-text': 'scrub_names_in_text',
	'keep-name-parts': 'scrub_name_parts',
	'keep-urls': 'scrub_urls',
	'keep-emails': 'scrub_emails',
	'keep-phones': 'scrub_phones',
	'keep-platform-ids': 'scrub_platform_ids'
};

/** `resonance anonymize`: the anonymized CSV, its key and (optionally) roster, and a JSON summary on stdout. */
export async function anonymizeCommand(argv: string[], io: CliIo): Promise<number> {
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
	if (!values.out || !values.key) throw new Error(m.cli_anonymize_give_out_key());
	const outputs = [
		['--out', values.out],
		['--key', values.key],
		['--roster-out', values['roster-out']]
	].filter((output): output is [string, string] => typeof output[1] === 'string');
	const output_keys = outputs.map(([, path]) => sameFileKey(path));
	if (new Set(output_keys).size < outputs.length) throw new Error(m.cli_anonymize_different_files());
	const inputs = [...positionals, ...(typeof values.roster === 'string' ? [values.roster] : [])];
	const input_keys = new Map(inputs.map((path) => [sameFileKey(path), path]));
	for (const [index, [flag]] of outputs.entries()) {
		const input = input_keys.get(output_keys[index]);
		if (input !== undefined) throw new Error(m.cli_anonymize_output_is_input({ flag, input }));
	}

	const options = Object.fromEntries(
		Object.entries(KEEP_FLAGS).map(([flag, option]) => [option, !(values as Record<string, unknown>)[flag]])
	) as unknown as AnonymizeOptions;
	const { db, report } = await loadCliDataset(positionals, { roster: values.roster as string | undefined, tz: (values.tz as string | undefined) ?? machineTimeZone(io.env), ...engineOptions(values as Parameters<typeof engineOptions>[0]) });
	try {
		const anonymized = await anonymizeDataset(db, options);
		replaceFile(values.out as string, anonymized.csv, 0o644);
		// the key is the way back from codes to names: readable by its owner only, whatever file was there before
		replaceFile(values.key as string, anonymized.key_csv, 0o600);
		if (values['roster-out']) replaceFile(values['roster-out'] as string, anonymized.roster_csv, 0o644);

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
				still_identifiable: await looksIdentifiable(db, anonymized.searched_names)
			}
		};
		io.stdout.write(JSON.stringify(output, null, 2) + '\n');
		return 0;
	} finally {
		await db.close();
	}
}
