import { formatNumber } from '../../i18n/format-number';
import { m } from '../../i18n/messages';
import type { ConvertedFrom } from './dataset-file-metadata';

/** "Converted from a.json, b.zip (roster r.csv) by resonance convert 0.1.0 on 2026-12-03; 2 rejected then", in the interface language. */
export function convertedFromSentence(converted: ConvertedFrom): string {
	const rejected = converted.files.reduce((sum, file) => sum + file.rejected, 0);
	const inputs = {
		files: converted.files.map((file) => file.source).join(', '),
		by: converted.created_by,
		day: converted.created_at.slice(0, 10),
		rejected: formatNumber(rejected)
	};
	const roster = converted.roster?.source;
	if (converted.without_text) return roster ? m.converted_from_roster_without_text({ ...inputs, roster }) : m.converted_from_without_text(inputs);
	return roster ? m.converted_from_roster({ ...inputs, roster }) : m.converted_from(inputs);
}
