import { joinSentences } from '../i18n/join-sentences';
import { listAnd } from '../i18n/list-and';
import { m } from '../i18n/messages';

/** How links between messages were found, for the caption: DESIGN's rule chain, or explicit reply ids only. */
export type ReplyMethod = 'reply-inferred' | 'explicit-only';

const KIND_NAMES = new Map([
	['media', m.kind_media],
	['sticker', m.kind_stickers],
	['system', m.kind_system]
]);
const TEXT_ONLY = ['media', 'sticker', 'system'];

/**
 * The method sentence under a figure: what was counted, how replies were linked (left out when the figure
 * uses no links), the time zone and the date range. With DESIGN's defaults it reads "Counted: text
 * messages (media, stickers and system messages excluded). Replies: explicit reply ids, else inferred from
 * names, addressing, same author and time within 60 min; replies to oneself not counted. Times in Asia/Shanghai. 2020-09 – 2022-10."
 * In the interface language.
 */
export function methodCaption({
	counted,
	reply_method = null,
	reply_gap_minutes = 60,
	time_zone,
	date_range
}: {
	/** The message kinds no metric counts, and the filter in words (filterSentence; empty or absent for none). */
	counted: { excluded_kinds: readonly string[]; filtered?: string };
	reply_method?: ReplyMethod | null;
	reply_gap_minutes?: number;
	time_zone: string;
	/** First and last period shown (`YYYY-MM` or dates), as they should be printed. */
	date_range: readonly [string, string];
}): string {
	const excluded = [...new Set(counted.excluded_kinds)].sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
	const text_only = TEXT_ONLY.every((kind) => excluded.includes(kind));
	const names = excluded.map((kind) => KIND_NAMES.get(kind)?.() ?? m.kind_other({ kind }));
	const sentences: string[] = [
		excluded.length === 0
			? m.caption_counted_all()
			: text_only
				? m.caption_counted_text({ excluded: listAnd(names) })
				: m.caption_counted_messages({ excluded: listAnd(names) })
	];
	if (counted.filtered) sentences.push(counted.filtered);
	if (reply_method === 'reply-inferred') sentences.push(m.caption_replies_inferred({ minutes: reply_gap_minutes }));
	else if (reply_method === 'explicit-only') sentences.push(m.caption_replies_explicit());
	// Links are found before the filter applies (build-interaction-links.sql), so a range never invents parents.
	if (counted.filtered && reply_method !== null) sentences.push(m.caption_replies_whole_chat());
	sentences.push(m.caption_time_zone({ zone: time_zone }));
	sentences.push(date_range[0] === date_range[1] ? m.caption_period({ period: date_range[0] }) : m.caption_range({ from: date_range[0], to: date_range[1] }));
	return joinSentences(sentences);
}

function order(kind: string): number {
	const index = TEXT_ONLY.indexOf(kind);
	return index < 0 ? TEXT_ONLY.length : index;
}
