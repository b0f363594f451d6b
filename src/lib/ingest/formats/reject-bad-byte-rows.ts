import type { CanonicalMessage, RejectedRow } from '../canonical-message';
import type { BadByte } from '../text/decode-text';

/**
 * Rejects every message that holds a byte that is not UTF-8 (see `decodeText`): a bad byte belongs to the row
 * (message or rejected row) that starts last at or before its line. Bytes before the first row (a preamble)
 * belong to no row. Messages need `line`; rows keep their order and the rejected rows come back sorted by line.
 */
export function rejectBadByteRows(
	messages: CanonicalMessage[],
	rejected: RejectedRow[],
	bad_bytes: BadByte[]
): { messages: CanonicalMessage[]; rejected: RejectedRow[] } {
	if (bad_bytes.length === 0) return { messages, rejected };
	const starts = [
		...messages.map((message, index) => ({ line: message.line ?? 0, message: index })),
		...rejected.map((row) => ({ line: row.line, message: -1 }))
	].sort((a, b) => a.line - b.line || b.message - a.message);
	const reasons = new Map<number, string>();
	for (const bad of bad_bytes) {
		let low = 0;
		let high = starts.length - 1;
		let row = -1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			if (starts[middle].line <= bad.line) {
				row = middle;
				low = middle + 1;
			} else high = middle - 1;
		}
		if (row < 0 || starts[row].message < 0 || reasons.has(starts[row].message)) continue;
		reasons.set(starts[row].message, badByteReason(bad, starts[row].line));
	}
	if (reasons.size === 0) return { messages, rejected };
	const moved = [...reasons].map(([index, reason]) => ({ line: messages[index].line ?? 0, reason }));
	return {
		messages: messages.filter((_, index) => !reasons.has(index)),
		rejected: [...rejected, ...moved].sort((a, b) => a.line - b.line)
	};
}

function badByteReason(bad: BadByte, row_line: number): string {
	const byte = `0x${bad.byte.toString(16).padStart(2, '0').toUpperCase()}`;
	const where = bad.line === row_line ? `column ${bad.column}` : `line ${bad.line}, column ${bad.column}`;
	return `not valid UTF-8 (byte ${byte} at ${where})`;
}
