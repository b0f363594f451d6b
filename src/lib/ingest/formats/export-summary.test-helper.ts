import type { ParsedExport } from '../canonical-message';

/** For the adapter tests: a parsed export in the shape of the fixtures' `*.expected.json`: kinds counted, authors as sorted [id, name] pairs. */
export function exportSummary(parsed: ParsedExport) {
	const kinds = new Map<string, number>();
	for (const message of parsed.messages) kinds.set(message.kind, (kinds.get(message.kind) ?? 0) + 1);
	const authors = new Map<string, [string, string]>();
	for (const message of parsed.messages) {
		authors.set(`${message.author_id}\u0000${message.author_name}`, [message.author_id, message.author_name]);
	}
	return {
		format: parsed.format,
		capabilities: parsed.capabilities,
		rows_in_file: parsed.rows_in_file,
		rejected: parsed.rejected,
		kinds: Object.fromEntries([...kinds].sort(([a], [b]) => (a < b ? -1 : 1))),
		authors: [...authors.values()].sort((a, b) => (a[0] + '\u0000' + a[1] < b[0] + '\u0000' + b[1] ? -1 : 1)),
		messages: parsed.messages
	};
}
