import type { CanonicalMessage, ParsedExport } from '../canonical-message';

/** Columns that repeat from message to message, sent once each as a code into `dictionary`. */
export const CODED_FIELDS = ['author_id', 'author_name', 'role', 'kind', 'source'] as const;
/** Columns sent as one string, cut by `lengths`. */
export const CUT_FIELDS = ['message_id', 'sent_at', 'text', 'reply_to'] as const;

/**
 * A ParsedExport as a few strings and typed arrays: a worker posts it in milliseconds (the arrays are
 * transferred), where a million message objects take seconds to clone and block the page while they arrive.
 */
export interface PackedExport extends Omit<ParsedExport, 'messages'> {
	message_count: number;
	dictionary: string[];
	/** Per message, per CODED_FIELDS: index into `dictionary`, -1 for null. */
	codes: Int32Array;
	/** CUT_FIELDS of every message, one after another. */
	cut: string;
	/** Per message, per CUT_FIELDS: length in `cut`, -1 for null. */
	lengths: Int32Array;
	/** NaN for null. */
	likes: Float64Array;
	/** 0 when the adapter gave no line. */
	lines: Int32Array;
}

/** Packs a parsed export for postMessage; `transfer` lists the buffers to hand over rather than copy. */
export function packParsedExport(parsed: ParsedExport): { packed: PackedExport; transfer: ArrayBuffer[] } {
	const { messages, ...rest } = parsed;
	const dictionary: string[] = [];
	const code_of = new Map<string, number>();
	const codes = new Int32Array(messages.length * CODED_FIELDS.length);
	const lengths = new Int32Array(messages.length * CUT_FIELDS.length);
	const likes = new Float64Array(messages.length);
	const lines = new Int32Array(messages.length);
	const pieces: string[] = [];
	messages.forEach((message: CanonicalMessage, index) => {
		CODED_FIELDS.forEach((field, offset) => {
			const value = message[field];
			let code = value === null ? -1 : code_of.get(value);
			if (code === undefined) {
				code = dictionary.push(value!) - 1;
				code_of.set(value!, code);
			}
			codes[index * CODED_FIELDS.length + offset] = code;
		});
		CUT_FIELDS.forEach((field, offset) => {
			const value = message[field];
			lengths[index * CUT_FIELDS.length + offset] = value === null ? -1 : value.length;
			if (value !== null) pieces.push(value);
		});
		likes[index] = message.likes ?? NaN;
		lines[index] = message.line ?? 0;
	});
	return {
		packed: { ...rest, message_count: messages.length, dictionary, codes, cut: pieces.join(''), lengths, likes, lines },
		transfer: [codes.buffer, lengths.buffer, likes.buffer, lines.buffer]
	};
}
