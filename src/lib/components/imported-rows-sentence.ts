import { formatNumber } from '../i18n/format-number';
import { m } from '../i18n/messages';
import { DEFAULT_EXCLUDED_KINDS } from '../settings/default-excluded-kinds';

const KIND_LABELS: Record<string, (inputs: { count: number; n: string }) => string> = {
	system: m.imported_kind_system,
	media: m.imported_kind_media,
	sticker: m.imported_kind_sticker
};

/**
 * "158 imported: 49 counted, 94 bot or system posts, 15 media (not counted by default; change in Settings)":
 * how an import's rows split into counted messages and the kinds that `excluded_kinds` leaves out (in the interface language).
 */
export function importedRowsSentence(rows_by_kind: Record<string, number>, excluded_kinds: readonly string[]): string {
	const kinds = Object.entries(rows_by_kind).filter(([, rows]) => rows > 0);
	const imported = kinds.reduce((sum, [, rows]) => sum + rows, 0);
	const left_out = kinds.filter(([kind]) => excluded_kinds.includes(kind)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	const counted = imported - left_out.reduce((sum, [, rows]) => sum + rows, 0);
	const head = m.imported_head({ imported: formatNumber(imported), counted: formatNumber(counted) });
	if (left_out.length === 0) return head;
	const parts = left_out.map(([kind, rows]) => (KIND_LABELS[kind] ?? ((inputs) => m.imported_kind_other({ ...inputs, kind })))({ count: rows, n: formatNumber(rows) }));
	const is_default = excluded_kinds.length === DEFAULT_EXCLUDED_KINDS.length && DEFAULT_EXCLUDED_KINDS.every((kind) => excluded_kinds.includes(kind));
	return (is_default ? m.imported_left_out_default : m.imported_left_out)({ head, parts: parts.join(m.imported_separator()) });
}
