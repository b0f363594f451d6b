import type { CanonicalMessage, ParsedExport, RejectedRow } from '../canonical-message';
import { decodePrefix } from './decode-prefix';
import type { ExportFile, FormatAdapter, ParseOptions } from './format-adapter';
import { jsonItemLines } from './json-item-lines';
import { MAX_MESSAGE_DEPTH, nestedDeeperThan } from './nested-deeper-than';
import { plausibleEpochMs } from './plausible-epoch-ms';
import { rejectBadByteRows } from './reject-bad-byte-rows';
import { zonedWallClock } from './zoned-wall-clock';
import { isJsonObject, type JsonObject } from './json-object';
import { readExportJson } from './read-export-json';


const MEDIA_LISTS = ['photos', 'videos', 'gifs', 'audio_files', 'files'];
const SYSTEM_TYPES = new Set(['Subscribe', 'Unsubscribe']);
// Instagram (and old Messenger) wrote a reaction as a message of its own; it is a like, not something said.
const REACTION_NOTICE = /^(?:reacted .+ to your message|liked a message)$/i;
// Messenger's generated text for an attachment or link with nothing written beside it.
const GENERATED_SHARE_TEXT = /\b(?:sent an attachment|sent a link|shared a link|shared a story)\.?$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Facebook Messenger or Instagram "Download your information" JSON (`message_1.json`: `{participants, messages[],
 * title, thread_path}`). Both write text as UTF-8 bytes escaped one by one (`"\u00e4\u00bd\u00a0"` for 你), which
 * is undone here; messages come newest first and are returned oldest first.
 */
export const messengerJson: FormatAdapter = {
	id: 'messenger-json',
	label: 'Facebook Messenger / Instagram (JSON)',

	detect(file: ExportFile): boolean {
		const head = decodePrefix(file.bytes, 8192).replace(/^\uFEFF/, '');
		return /^\s*\{/.test(head) && /"participants"\s*:\s*\[/.test(head) && /"sender_name"\s*:/.test(head) && /"timestamp_ms"\s*:/.test(head);
	},

	parse(file: ExportFile, options: ParseOptions): ParsedExport {
		const { decoded, text, root } = readExportJson(file, 'download the messages again in JSON format.');
		if (!isJsonObject(root) || !Array.isArray(root.messages)) {
			throw new Error(`${file.name} is not a Messenger or Instagram JSON export: it has no "messages" list.`);
		}
		const title = typeof root.title === 'string' && root.title.trim() !== '' ? fixMojibake(root.title) : null;
		const source = title ? `${file.name} / ${title}` : file.name;
		const list = root.messages as unknown[];
		const has_reactions = list.some((message) => isJsonObject(message) && Array.isArray(message.reactions));
		const item_lines = jsonItemLines(text, /^messages$/).get('messages') ?? [];
		const wallClock = zonedWallClock(options.time_zone);
		const messages: CanonicalMessage[] = [];
		const rejected: RejectedRow[] = [];

		for (let index = list.length - 1; index >= 0; index--) {
			const value = list[index];
			const line = item_lines[index] ?? 1;
			const reject = (reason: string) => rejected.push({ line, reason });
			if (!isJsonObject(value)) {
				reject('not a message object');
				continue;
			}
			if (nestedDeeperThan(value, MAX_MESSAGE_DEPTH)) {
				reject(`a message nested more than ${MAX_MESSAGE_DEPTH} levels deep (damaged or not an export)`);
				continue;
			}
			const epoch_ms = value.timestamp_ms;
			if (typeof epoch_ms !== 'number' || !Number.isInteger(epoch_ms) || !plausibleEpochMs(epoch_ms)) {
				reject(`"timestamp_ms" ${JSON.stringify(epoch_ms ?? null)} is not epoch milliseconds`);
				continue;
			}
			const author = typeof value.sender_name === 'string' ? fixMojibake(value.sender_name).trim() : '';
			if (author === '') {
				reject('no "sender_name"');
				continue;
			}
			if (value.reactions !== undefined && !Array.isArray(value.reactions)) {
				reject('"reactions" is not a list');
				continue;
			}
			const content = typeof value.content === 'string' ? fixMojibake(value.content) : '';
			messages.push({
				message_id: null,
				sent_at: wallClock(epoch_ms),
				author_id: author,
				author_name: author,
				role: null,
				text: content,
				kind: messageKind(value, content),
				likes: has_reactions ? (Array.isArray(value.reactions) ? value.reactions.length : 0) : null,
				reply_to: null,
				source,
				line
			});
		}

		rejected.sort((a, b) => a.line - b.line);
		return {
			format: messengerJson.id,
			// The export names people only by display name and keeps no reply links.
			capabilities: { reply_ids: false, likes: has_reactions, stable_ids: false, timezone_aware: true },
			...rejectBadByteRows(messages, rejected, decoded.bad_bytes),
			rows_in_file: messages.length + rejected.length
		};
	}
};


/** Text whose every character is below U+0100 and whose char codes are valid UTF-8 bytes is decoded as those bytes. */
function fixMojibake(text: string): string {
	if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text;
	const bytes = new Uint8Array(text.length);
	for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
	try {
		return utf8.decode(bytes);
	} catch {
		return text;
	}
}

function messageKind(message: JsonObject, content: string): string {
	if (message.is_unsent === true || SYSTEM_TYPES.has(String(message.type)) || REACTION_NOTICE.test(content.trim())) return 'system';
	if (isJsonObject(message.sticker)) return 'sticker';
	if (MEDIA_LISTS.some((list) => Array.isArray(message[list]) && (message[list] as unknown[]).length > 0)) return 'media';
	if (message.type === 'Call' || message.call_duration !== undefined) return 'media';
	if (isJsonObject(message.share)) {
		const link = typeof message.share.link === 'string' ? message.share.link.trim() : '';
		const written = content.trim();
		if (written === '' || written === link || GENERATED_SHARE_TEXT.test(written)) return 'media';
	}
	return 'text';
}
