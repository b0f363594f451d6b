import { decodeText } from '../text/decode-text';
import type { ImportReport } from '../import-report';
import type { ImportSource } from '../sources/import-source';
import { parseRoster, type RosterEntry } from './parse-roster';

/**
 * Reads a roster file (any encoding decodeText knows) into its entries and an import report: rows are the
 * members it names, each rejected row has its line and reason, and there are no messages or capabilities.
 */
export async function readRoster(source: ImportSource, time_zone: string): Promise<{ entries: RosterEntry[]; report: ImportReport }> {
	const { entries, rejected } = parseRoster(decodeText(await source.readAll()).text);
	return {
		entries,
		report: {
			format: 'roster',
			source: source.name,
			rows: entries.length,
			rejected: rejected.length,
			errors: rejected,
			rows_by_kind: {},
			control_characters_stripped: 0,
			capabilities: { reply_ids: false, likes: false, stable_ids: false, timezone_aware: false },
			first_message_at: null,
			last_message_at: null,
			members: new Set(entries.map((entry) => entry.author)).size,
			time_zone
		}
	};
}
