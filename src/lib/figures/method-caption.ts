/** How links between messages were found, for the caption: DESIGN's rule chain, or explicit reply ids only. */
export type ReplyMethod = 'reply-inferred' | 'explicit-only';

const KIND_NAMES = new Map([
	['media', 'media'],
	['sticker', 'stickers'],
	['system', 'system messages']
]);
const TEXT_ONLY = ['media', 'sticker', 'system'];

/**
 * The method sentence under a figure: what was counted, how replies were linked (left out when the figure
 * uses no links), the time zone and the date range. With DESIGN's defaults it reads "Counted: text
 * messages (media, stickers and system messages excluded). Replies: explicit reply ids, else inferred from
 * names, addressing, same author and time within 60 min; replies to oneself not counted. Times in Asia/Shanghai. 2020-09 – 2022-10."
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
	const names = excluded.map((kind) => KIND_NAMES.get(kind) ?? `${kind} messages`);
	const sentences = [
		excluded.length === 0 ? 'Counted: all messages.' : `Counted: ${text_only ? 'text messages' : 'messages'} (${list(names)} excluded).`
	];
	if (counted.filtered) sentences.push(counted.filtered);
	if (reply_method === 'reply-inferred') {
		sentences.push(
			`Replies: explicit reply ids, else inferred from names, addressing, same author and time within ${reply_gap_minutes} min; replies to oneself not counted.`
		);
	} else if (reply_method === 'explicit-only') {
		sentences.push('Replies: explicit reply ids only; replies to oneself not counted.');
	}
	// Links are found before the filter applies (build-interaction-links.sql), so a range never invents parents.
	if (counted.filtered && reply_method !== null) sentences.push('Replies found on the whole chat; those the filtered messages make are counted.');
	sentences.push(`Times in ${time_zone}.`);
	sentences.push(date_range[0] === date_range[1] ? `${date_range[0]}.` : `${date_range[0]} – ${date_range[1]}.`);
	return sentences.join(' ');
}

function order(kind: string): number {
	const index = TEXT_ONLY.indexOf(kind);
	return index < 0 ? TEXT_ONLY.length : index;
}

function list(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
