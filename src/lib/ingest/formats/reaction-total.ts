/** `likes` is a DuckDB INTEGER. */
const MAX_LIKES = 2_147_483_647;

/**
 * The likes of one message: the sum of its reaction counts, each a whole number ≥ 0, the sum at most
 * 2,147,483,647; otherwise why not, for that message's rejected row ("reaction count 1.5 is not a whole number").
 */
export function reactionTotal(counts: number[]): { likes: number } | { problem: string } {
	let likes = 0;
	for (const count of counts) {
		if (!Number.isInteger(count) || count < 0) return { problem: `reaction count ${count} is not a whole number ≥ 0` };
		if (count > MAX_LIKES) return { problem: `reaction count ${count} is larger than ${MAX_LIKES.toLocaleString('en')}` };
		likes += count;
	}
	if (likes > MAX_LIKES) return { problem: `reaction counts add up to ${likes}, more than ${MAX_LIKES.toLocaleString('en')}` };
	return { likes };
}
