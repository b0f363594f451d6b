import type { ParsedBatch, ParsedExport } from '../canonical-message';

/** Messages per batch of a streamed parse: enough that a batch's database insert costs little beside its parse. */
export const BATCH_MESSAGES = 50_000;

/** A whole parsed export as streamed batches (for an adapter that had to read a file whole after all). */
export function* parsedExportBatches(parsed: ParsedExport): Generator<ParsedBatch> {
	const { messages, rejected, ...end } = parsed;
	for (let from = BATCH_MESSAGES; from < messages.length; from += BATCH_MESSAGES) {
		yield { messages: messages.slice(from - BATCH_MESSAGES, from), rejected: [] };
	}
	yield { messages: messages.slice(Math.floor(Math.max(0, messages.length - 1) / BATCH_MESSAGES) * BATCH_MESSAGES), rejected, end };
}
