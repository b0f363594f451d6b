import { statSync } from 'node:fs';
import package_json from '../../package.json' with { type: 'json' };
import type { MemberHint } from '../../src/lib/ingest/canonical-message';
import { DATASET_FILE_FORMAT, type DatasetFileMetadata } from '../../src/lib/ingest/dataset/dataset-file-metadata';
import type { RosterEntry } from '../../src/lib/ingest/members/parse-roster';
import { DATASET_OPTIONS, engineOptions, loadCliDataset } from '../load-cli-dataset';
import { parseCommandArgs } from '../parse-command-args';
import { sameFileKey } from '../same-file-key';
import { UsageError } from '../usage-error';
import { writeDatasetFile } from '../write-dataset-file';
import { m } from '../../src/lib/i18n/messages';
import { machineTimeZone } from '../machine-time-zone';
import type { CliIo } from '../cli-io';

// Bundled into the CLI by esbuild, so the version does not depend on where the running file sits.
const { version } = package_json;

/** `resonance convert`: the files' validated messages as one Parquet or DuckDB dataset file, and what was written as JSON on stdout. */
export async function convertCommand(argv: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseCommandArgs(argv, { ...DATASET_OPTIONS, out: { type: 'string' }, 'without-text': { type: 'boolean' } });
	if (!values.out) throw new UsageError(m.cli_convert_give_out());
	if (!/\.(?:parquet|duckdb)$/i.test(values.out)) throw new UsageError(`--out ${values.out}: name the dataset DATA.parquet, or DATA.duckdb for the dashboard`);
	const out_key = sameFileKey(values.out);
	for (const input of [...positionals, ...(values.roster ? [values.roster] : [])]) {
		if (sameFileKey(input) === out_key) throw new Error(m.cli_convert_output_is_input({ input }));
	}
	const without_text = values['without-text'] ?? false;
	const { db, report } = await loadCliDataset(positionals, { roster: values.roster, tz: values.tz ?? machineTimeZone(io.env), without_text, ...engineOptions(values) });
	try {
		const metadata: DatasetFileMetadata = {
			format: DATASET_FILE_FORMAT,
			created_at: new Date().toISOString(),
			created_by: `resonance convert ${version}`,
			files: report.files,
			roster: report.roster && { source: report.roster.source, rows: report.roster.rows, rejected: report.roster.rejected },
			without_text,
			time_zone: report.time_zone,
			capabilities: report.capabilities,
			roster_entries: await db.query<RosterEntry>('SELECT author, role, cohort FROM roster'),
			member_hints: await db.query<MemberHint>('SELECT author_id, hint FROM member_hints')
		};
		await writeDatasetFile(db, values.out, metadata);
		const output = { import: report, dataset: { out: values.out, bytes: statSync(values.out).size, rows: report.rows, created_at: metadata.created_at } };
		io.stdout.write(JSON.stringify(output, null, 2) + '\n');
		return 0;
	} finally {
		await db.close();
	}
}
