import type { RejectedRow, SourceCapabilities } from './canonical-message';
import type { ConvertedFrom } from './dataset/dataset-file-metadata';
import type { LookAlikeName } from './members/look-alike-names';

/** What one import did: shown in the UI, printed by the CLI. `rows` + `rejected` = data rows in the file. */
export interface ImportReport {
	format: string;
	source: string;
	rows: number;
	rejected: number;
	/** Imported rows by `kind` (`text`, `media`, `sticker`, `system`, …), largest first. */
	rows_by_kind: Record<string, number>;
	errors: RejectedRow[];
	/** Imported rows whose text or author had control characters (IRC formatting, a NUL) removed. */
	control_characters_stripped: number;
	capabilities: SourceCapabilities;
	/** `YYYY-MM-DD HH:MM:SS` of the first and last imported message; null when nothing was imported. */
	first_message_at: string | null;
	last_message_at: string | null;
	members: number;
	/** Present when different members' names look the same (charts mark them with memberLabel). */
	look_alike_names?: LookAlikeName[];
	time_zone: string;
	/** Present for a dataset file written by `resonance convert`: what it was converted from, when and by what. */
	converted_from?: ConvertedFrom;
}
