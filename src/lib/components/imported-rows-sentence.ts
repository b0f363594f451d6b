import { DEFAULT_COUNT_FILTER } from '../metrics/counted-messages';

const KIND_LABELS: Record<string, [one: string, many: string]> = {
	system: ['bot or system post', 'bot or system posts'],
	media: ['media message', 'media'],
	sticker: ['sticker', 'stickers']
};

/**
 * "158 imported: 49 counted, 94 bot or system posts, 15 media (not counted by default; change in Settings)":
 * how an import's rows split into counted messages and the kinds that `excluded_kinds` leaves out.
 */
export function importedRowsSentence(rows_by_kind: Record<string, number>, excluded_kinds: readonly string[]): string {
	const kinds = Object.entries(rows_by_kind).filter(([, rows]) => rows > 0);
	const imported = kinds.reduce((sum, [, rows]) => sum + rows, 0);
	const left_out = kinds.filter(([kind]) => excluded_kinds.includes(kind)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	const counted = imported - left_out.reduce((sum, [, rows]) => sum + rows, 0);
	const format = (rows: number) => rows.toLocaleString('en');
	const head = `${format(imported)} imported: ${format(counted)} counted`;
	if (left_out.length === 0) return head;
	const parts = left_out.map(([kind, rows]) => `${format(rows)} ${(KIND_LABELS[kind] ?? [kind, kind])[rows === 1 ? 0 : 1]}`);
	const is_default = excluded_kinds.length === DEFAULT_COUNT_FILTER.excluded_kinds.length && DEFAULT_COUNT_FILTER.excluded_kinds.every((kind) => excluded_kinds.includes(kind));
	return `${head}, ${parts.join(', ')} (not counted${is_default ? ' by default' : ''}; change in Settings)`;
}
