import type { Db } from '../db/db';
import { defineCountedMessages } from '../metrics/counted-messages';
import { forgetDerivedTables } from '../metrics/derived-tables';
import { applyRoster } from './members/apply-roster';
import { fillWordCounts } from './words/fill-word-counts';
import type { ColumnMapping } from './csv/column-mapping';
import { importExport, type ImportOptions } from './tables/import-export';
import type { ImportReport } from './import-report';
import type { ImportSource } from './sources/import-source';
import { inspectExport, type ExportInspection } from './inspect-export';
import type { RosterEntry } from './members/parse-roster';
import { rebuildMembers } from './members/rebuild-members';
import { m } from '../i18n/messages';

export interface DatasetFile {
	source: ImportSource;
	/** Already inspected (the browser does it to show the mapping step); inspected here otherwise. */
	inspection?: ExportInspection;
	mapping?: ColumnMapping;
}

export interface DatasetOptions {
	time_zone: string;
	roster?: RosterEntry[];
	/** `later`: leave Chinese/Japanese/Korean/Thai word counts NULL for the caller to fill after the first chart. */
	word_counts?: 'now' | 'later';
	/**
	 * Leave message text out (every `text` is '', so `words` is 0 and no @mention link is found): a large
	 * file then needs far less memory. Message counts, authors, times, likes and reply ids are unchanged.
	 */
	without_text?: boolean;
	/** Word counts of a batch of texts (the CLI counts in worker threads); by default on this thread. */
	countTexts?: (texts: string[]) => Promise<Int32Array> | Int32Array;
	onStage?: (stage: string) => void;
	parse?: ImportOptions['parse'];
}

/** Replaces the dataset with these files (one `source` each), applies the roster and rebuilds members. */
export async function loadDataset(db: Db, files: DatasetFile[], options: DatasetOptions): Promise<ImportReport[]> {
	await db.exec('DROP TABLE IF EXISTS messages; DROP TABLE IF EXISTS roster; DROP TABLE IF EXISTS member_hints; DROP VIEW IF EXISTS counted_messages; DROP VIEW IF EXISTS kept_messages; DROP VIEW IF EXISTS counted_members; DROP VIEW IF EXISTS links; DROP TABLE IF EXISTS kept_links');
	// What the derived tables were built from belongs to the dataset they were built on.
	await forgetDerivedTables(db);
	const reports: ImportReport[] = [];
	for (const [index, file] of files.entries()) {
		const inspection = file.inspection ?? (await inspectExport(file.source));
		reports.push(
			await importExport(db, file.source, inspection, {
				time_zone: options.time_zone,
				import_id: index + 1,
				mapping: file.mapping,
				without_text: options.without_text,
				onStage: options.onStage,
				parse: options.parse
			})
		);
	}
	if (options.word_counts !== 'later') {
		options.onStage?.(m.dashboard_counting_words());

		await fillWordCounts(db, { countTexts: options.countTexts });
	}
	if (options.roster) await applyRoster(db, options.roster);
	await rebuildMembers(db);
	await defineCountedMessages(db);
	return reports;
}
