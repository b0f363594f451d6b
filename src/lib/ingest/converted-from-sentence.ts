import type { ConvertedFrom } from './dataset-file-metadata';

/** "Converted from a.json, b.zip (roster r.csv) by resonance convert 0.1.0 on 2026-12-03; 2 rejected then". */
export function convertedFromSentence(converted: ConvertedFrom): string {
	const rejected = converted.files.reduce((sum, file) => sum + file.rejected, 0);
	return (
		`Converted from ${converted.files.map((file) => file.source).join(', ')}` +
		(converted.roster ? ` (roster ${converted.roster.source})` : '') +
		` by ${converted.created_by} on ${converted.created_at.slice(0, 10)}` +
		(converted.without_text ? ', without text' : '') +
		`; ${rejected.toLocaleString('en')} rejected then`
	);
}
