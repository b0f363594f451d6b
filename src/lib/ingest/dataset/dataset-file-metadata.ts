import type { MemberHint, SourceCapabilities } from '../canonical-message';
import type { RosterEntry } from '../members/parse-roster';

/** The marker `resonance convert` writes; a dataset file without it is not one of ours. */
export const DATASET_FILE_FORMAT = 'resonance-dataset/1';

/** Where a converted dataset came from: its import report at conversion, as the import report shows it. */
export interface ConvertedFrom {
	created_at: string;
	created_by: string;
	files: { source: string; format: string; rows: number; rejected: number }[];
	roster: { source: string; rows: number; rejected: number } | null;
	without_text: boolean;
}

/** What a dataset file carries beside its messages: provenance, zone, capabilities, and what `members` is rebuilt from. */
export interface DatasetFileMetadata extends ConvertedFrom {
	format: typeof DATASET_FILE_FORMAT;
	/** The zone of every `sent_at` in the file. */
	time_zone: string;
	capabilities: SourceCapabilities;
	roster_entries: RosterEntry[];
	member_hints: MemberHint[];
}

/** Reads a dataset file's metadata JSON; throws one line naming the file when it is missing or not ours. */
export function parseDatasetFileMetadata(name: string, container: string, json: string | null): DatasetFileMetadata {
	const not_ours = `${name} is a ${container} file but not a Resonance dataset (write one with resonance convert).`;
	if (json === null) throw new Error(not_ours);
	let metadata: { format?: unknown } | null;
	try {
		metadata = JSON.parse(json);
	} catch {
		throw new Error(not_ours);
	}
	if (metadata?.format !== DATASET_FILE_FORMAT) {
		throw new Error(
			typeof metadata?.format === 'string' && metadata.format.startsWith('resonance-dataset/')
				? `${name} is a Resonance dataset of a newer version (${metadata.format}) than this one reads (${DATASET_FILE_FORMAT}).`
				: not_ours
		);
	}
	return metadata as unknown as DatasetFileMetadata;
}
