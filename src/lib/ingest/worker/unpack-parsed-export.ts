import type { CanonicalMessage, ParsedExport } from '../canonical-message';
import { CODED_FIELDS, CUT_FIELDS, type PackedExport } from './pack-parsed-export';

const MESSAGES_PER_STEP = 20_000;

/**
 * The ParsedExport that packParsedExport packed. Rebuilding a million messages takes about a second, so it
 * yields to the page between steps and throws `signal.reason` at the next step once the signal is aborted.
 */
export async function unpackParsedExport(packed: PackedExport, signal?: AbortSignal): Promise<ParsedExport> {
	const { message_count, dictionary, codes, cut, lengths, likes, lines, ...rest } = packed;
	const messages: CanonicalMessage[] = new Array(message_count);
	let at = 0;
	const cutNext = (index: number, offset: number): string | null => {
		const length = lengths[index * CUT_FIELDS.length + offset];
		if (length < 0) return null;
		at += length;
		return cut.slice(at - length, at);
	};
	const coded = (index: number, offset: number): string | null => {
		const code = codes[index * CODED_FIELDS.length + offset];
		return code < 0 ? null : dictionary[code];
	};
	for (let start = 0; start < message_count; start += MESSAGES_PER_STEP) {
		if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
		signal?.throwIfAborted();
		for (let index = start; index < Math.min(message_count, start + MESSAGES_PER_STEP); index++) {
			// Same field order as CUT_FIELDS, which is the order `cut` was written in.
			const message_id = cutNext(index, 0);
			const sent_at = cutNext(index, 1)!;
			const text = cutNext(index, 2)!;
			const reply_to = cutNext(index, 3);
			const message: CanonicalMessage = {
				message_id,
				sent_at,
				author_id: coded(index, 0)!,
				author_name: coded(index, 1)!,
				role: coded(index, 2),
				text,
				kind: coded(index, 3)!,
				likes: Number.isNaN(likes[index]) ? null : likes[index],
				reply_to,
				source: coded(index, 4)!
			};
			if (lines[index] > 0) message.line = lines[index];
			messages[index] = message;
		}
	}
	return { ...rest, messages };
}
