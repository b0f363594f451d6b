import type { ParsedBatch, ParsedExport } from '../canonical-message';

/**
 * Messages per batch of a streamed parse: enough that a batch's database insert costs little beside its parse, few
 * enough that the batch's JS objects and insert CSV stay small (at 50,000 the CLI's heap swung to 300 MB on a 1M Telegram file, at 10,000 to 150 MB).
 */
export const BATCH_MESSAGES = 10_000;

/** A whole parsed export as streamed batches (for an adapter that had to read a file whole after all). */
export function* parsedExportBatches(parsed: ParsedExport): Generator<ParsedBatch> {
	const { messages, rejected, ...end } = parsed;
	for (let from = BATCH_MESSAGES; from < messages.length; from += BATCH_MESSAGES) {
		yield { messages: messages.slice(from - BATCH_MESSAGES, from), rejected: [] };
	}
	yield { messages: messages.slice(Math.floor(Math.max(0, messages.length - 1) / BATCH_MESSAGES) * BATCH_MESSAGES), rejected, end };
}
