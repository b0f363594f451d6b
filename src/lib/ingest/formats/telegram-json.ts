import type { CanonicalMessage, ParsedBatch, ParsedExport } from '../canonical-message';
import { decodeTextStream } from '../text/decode-text-stream';
import { wallClock } from '../time/wall-clock';
import { decodePrefix } from './decode-prefix';
import type { ExportFile, FormatAdapter, ParseOptions, StreamedExportFile } from './format-adapter';
import { jsonItemLines } from './json-item-lines';
import { MAX_MESSAGE_DEPTH, nestedDeeperThan } from './nested-deeper-than';
import { parseExportJson } from './parse-export-json';
import { BATCH_MESSAGES, parsedExportBatches } from './parsed-export-batches';
import { naiveTimestamp } from './naive-timestamp';
import { plausibleEpochMs } from './plausible-epoch-ms';
import { reactionTotal } from './reaction-total';
import { rejectBadByteRows } from './reject-bad-byte-rows';
import { StreamedBadByteRows } from './streamed-bad-byte-rows';
import { StreamedJsonObject } from './streamed-json-object';
import { isJsonObject, type JsonObject } from './json-object';
import { readExportJson } from './read-export-json';


interface Chat {
	/** Dotted JSON path of the chat object ('' for a single-chat export). */
	path: string;
	chat: JsonObject;
}

interface PendingReject {
	/** Path of the JSON array holding the rejected element, and its index there. */
	array: string;
	index: number;
	reason: string;
}

const CHAT_TYPES =
	/"type"\s*:\s*"(?:personal_chat|bot_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|saved_messages|replies)"/;
// Message lists and, for a full-account export, the chat lists (a chat that is not readable is a rejected row).
const ITEM_ARRAYS = /^(?:messages|(?:chats|left_chats)\.list(?:\.\d+\.messages)?)$/;
const NAIVE_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const MEDIA_FIELDS = ['photo', 'file', 'media_type', 'location_information', 'contact_information', 'place_name', 'game_title', 'invoice_information'];
const DELETED_ACCOUNT = 'Deleted account';

/**
 * Telegram Desktop "Machine-readable JSON" export (`result.json`): one chat, or a full-account export whose
 * `chats.list` / `left_chats.list` hold many.
 */
export const telegramJson: FormatAdapter = {
	id: 'telegram-json',
	label: 'Telegram Desktop export (result.json)',

	detect(file: ExportFile): boolean {
		const head = decodePrefix(file.bytes, 8192).replace(/^\uFEFF/, '');
		if (!/^\s*\{/.test(head)) return false;
		return (
			CHAT_TYPES.test(head) ||
			/"personal_information"\s*:\s*\{/.test(head) ||
			/"date_unixtime"\s*:/.test(head) ||
			/"chats"\s*:\s*\{\s*"about"/.test(head)
		);
	},

	parse(file: ExportFile, options: ParseOptions): ParsedExport {
		const { decoded, text, root } = readExportJson(file, RE_EXPORT);
		const pending: PendingReject[] = [];
		const chats = telegramChats(root, pending);
		const item_lines = chats ? jsonItemLines(text, ITEM_ARRAYS) : new Map<string, number[]>();
		if (!chats) throw new Error(notTelegram(file.name));
		const prefix_ids = chats.length > 1;
		const has_reactions = chats.some(({ chat }) => (chat.messages as unknown[]).some((message) => isJsonObject(message) && 'reactions' in message));
		const messages: CanonicalMessage[] = [];
		let naive_times = 0;

		for (const { path, chat } of chats) {
			const list = chat.messages as unknown[];
			const messages_path = path === '' ? 'messages' : `${path}.messages`;
			const message_lines = item_lines.get(messages_path) ?? [];
			const topic_roots = new Set(
				list.filter((message) => isJsonObject(message) && message.action === 'topic_created').map((message) => String((message as JsonObject).id))
			);
			const reading = chatReading(file.name, chat, prefix_ids, topic_roots, options);
			list.forEach((value, index) => {
				const read = reading.read(value, has_reactions);
				if (typeof read === 'string') return pending.push({ array: messages_path, index, reason: read });
				if (read.naive) naive_times++;
				messages.push({ ...read.message, line: message_lines[index] });
			});
		}

		const rejected = pending
			.map((row) => ({ line: item_lines.get(row.array)?.[row.index] ?? 1, reason: row.reason }))
			.sort((a, b) => a.line - b.line);
		return {
			format: telegramJson.id,
			capabilities: { reply_ids: true, likes: has_reactions, stable_ids: true, timezone_aware: naive_times === 0 },
			...rejectBadByteRows(messages, rejected, decoded.bad_bytes),
			rows_in_file: messages.length + pending.length
		};
	},

	/**
	 * A single-chat export is read one message at a time. Telegram Desktop writes the chat's name, type and id
	 * before its messages, and a forum topic's creation before the messages in it; a file that does otherwise, a
	 * full-account export, or one that is not JSON is read whole with `parse` (when that is still possible: before
	 * the first batch has gone out).
	 */
	async *parseStream(file: StreamedExportFile, options: ParseOptions): AsyncGenerator<ParsedBatch> {
		let batches_out = 0;
		const whole = async function* () {
			for (const batch of parsedExportBatches(telegramJson.parse({ name: file.name, bytes: await file.readAll() }, options))) yield batch;
		};
		const chat: JsonObject = {};
		let reading: ReturnType<typeof chatReading> | null = null;
		let needs_whole: string | null = null;
		let arrays = 0;
		let rows = 0;
		let naive_times = 0;
		let has_reactions = false;
		const topic_roots = new Set<string>();
		const bad_bytes = new StreamedBadByteRows();
		const json = new StreamedJsonObject('messages', {
			valueStart(key) {
				if ((key === 'chats' || key === 'left_chats') && !reading) needs_whole ??= 'a full-account export';
			},
			value(key, value) {
				if (reading && (key === 'name' || key === 'type' || key === 'id')) needs_whole ??= `"${key}" after the messages`;
				if (key === 'messages') needs_whole ??= '"messages" is not a list';
				chat[key] = parseExportJson(value);
			},
			arrayStart() {
				if (++arrays > 1) needs_whole ??= 'two "messages" lists';
				reading ??= chatReading(file.name, chat, false, topic_roots, options);
			},
			item(value_json, line) {
				rows++;
				const value = parseExportJson(value_json);
				if (isJsonObject(value) && value.action === 'topic_created') topic_roots.add(String(value.id));
				if (isJsonObject(value) && 'reactions' in value) has_reactions = true;
				const read = reading!.read(value, true);
				if (typeof read === 'string') return bad_bytes.addRow(line, null, { line, reason: read });
				if (read.naive) naive_times++;
				bad_bytes.addRow(line, { ...read.message, line });
			}
		});
		let pending: ParsedBatch = { messages: [], rejected: [] };
		try {
			for await (const piece of decodeTextStream(file.chunks())) {
				bad_bytes.addBadBytes(piece.bad_bytes);
				json.push(piece.text);
				if (needs_whole) break;
				const released = bad_bytes.release(json.settled_line);
				pending.messages.push(...released.messages);
				pending.rejected.push(...released.rejected);
				if (pending.messages.length >= BATCH_MESSAGES) {
					yield pending;
					batches_out++;
					pending = { messages: [], rejected: [] };
				}
			}
			if (!needs_whole) json.end();
			if (!needs_whole && !reading) needs_whole = 'no "messages" list';
		} catch (error) {
			const not_text = /^The file is not valid/.test((error as Error).message);
			if (batches_out > 0) throw not_text ? error : new Error(notJson(file.name, error));
			needs_whole = 'not JSON as Telegram Desktop writes it';
		}
		if (needs_whole) {
			if (batches_out > 0) throw new Error(`${file.name} cannot be read one message at a time (${needs_whole}); split it or export the chat again.`);
			return yield* whole();
		}
		const rest = bad_bytes.finish();
		pending.messages.push(...rest.messages);
		pending.rejected.push(...rest.rejected);
		yield {
			...pending,
			end: {
				format: telegramJson.id,
				capabilities: { reply_ids: true, likes: has_reactions, stable_ids: true, timezone_aware: naive_times === 0 },
				rows_in_file: rows
			}
		};
	}
};

const RE_EXPORT = 'export the chat again as "Machine-readable JSON".';

function notJson(name: string, error: unknown): string {
	return `${name} is not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')}); ${RE_EXPORT}`;
}

function notTelegram(name: string): string {
	return `${name} is not a Telegram Desktop export: it has neither a "messages" list nor "chats.list".`;
}

/**
 * Reads the messages of one chat: each becomes a canonical message (without its line) or the reason it is
 * rejected. `has_reactions`: some message of the file has reactions, so a message without them has 0 likes.
 */
function chatReading(file_name: string, chat: JsonObject, prefix_ids: boolean, topic_roots: Set<string>, options: ParseOptions) {
	const chat_id = String(chat.id ?? '');
	const chat_peer = peerId(chat);
	const source = `${file_name} / ${chatName(chat)}`;
	// Prefixed like a cross-chat `reply_to_peer_id`, so such replies resolve when both chats are in the file.
	const local_id = (id: string) => (prefix_ids ? `${chat_peer}:${id}` : id);
	// Numbers where they say the same as the text: a million ids held as strings cost a hundred megabytes more.
	const ids_seen = new Set<string | number>();
	const idKey = (id: string) => (String(Number(id)) === id && Number.isSafeInteger(Number(id)) ? Number(id) : id);

	return {
		read(value: unknown, has_reactions: boolean): { message: CanonicalMessage; naive: boolean } | string {
			if (!isJsonObject(value)) return 'not a message object';
			if (nestedDeeperThan(value, MAX_MESSAGE_DEPTH)) return `a message nested more than ${MAX_MESSAGE_DEPTH} levels deep (damaged or not an export)`;
			if (value.type === 'unsupported') return `message ${value.id}: Telegram Desktop could not export it (type "unsupported")`;
			if (value.type !== 'message' && value.type !== 'service') return `message ${value.id}: unknown type ${JSON.stringify(value.type)}`;
			const id = idText(value.id);
			if (id === null) return 'no numeric "id"';
			if (ids_seen.has(idKey(id))) return `message ${id}: the same id appears earlier in this chat`;
			const time = sentAt(value, options.time_zone);
			if (!time) return `message ${id}: no readable "date_unixtime" or "date" (found ${JSON.stringify(value.date_unixtime ?? value.date ?? null)})`;
			const body = plainText(value.text);
			if (body === null) return `message ${id}: "text" is neither a string nor a list of text parts`;
			const reactions = has_reactions ? reactionCounts(value.reactions) : [];
			if (reactions === null) return `message ${id}: unreadable "reactions" (each needs a numeric "count")`;
			const total = reactionTotal(reactions);
			if ('problem' in total) return `message ${id}: ${total.problem}`;
			const is_service = value.type === 'service';
			const author = is_service ? sender(value.actor_id ?? value.from_id, value.actor ?? value.from) : sender(value.from_id, value.from);
			const { author_id, author_name } = author ?? chatAsAuthor(chat);

			ids_seen.add(idKey(id));
			const poll_question = isJsonObject(value.poll) && typeof value.poll.question === 'string' ? value.poll.question : '';
			const message: CanonicalMessage = {
				message_id: local_id(id),
				sent_at: time.sent_at,
				author_id,
				author_name,
				role: null,
				text: is_service ? body || String(value.action ?? '') : body || poll_question,
				kind: messageKind(value, body),
				likes: has_reactions ? total.likes : null,
				reply_to: replyTo(value, chat_id, topic_roots, local_id),
				source
			};
			return { message, naive: time.naive };
		}
	};
}


function telegramChats(root: unknown, pending: PendingReject[]): Chat[] | null {
	if (!isJsonObject(root)) return null;
	if (Array.isArray(root.messages)) return [{ path: '', chat: root }];
	const lists = Object.keys(root).filter((key) => (key === 'chats' || key === 'left_chats') && isJsonObject(root[key]) && Array.isArray((root[key] as JsonObject).list));
	if (lists.length === 0) return null;
	const chats: Chat[] = [];
	for (const key of lists) {
		((root[key] as JsonObject).list as unknown[]).forEach((chat, index) => {
			const path = `${key}.list.${index}`;
			if (isJsonObject(chat) && Array.isArray(chat.messages)) chats.push({ path, chat });
			else pending.push({ array: `${key}.list`, index, reason: `${key}.list[${index}] is not a chat with a "messages" list; nothing was imported from it` });
		});
	}
	return chats;
}

function chatName(chat: JsonObject): string {
	if (typeof chat.name === 'string' && chat.name !== '') return chat.name;
	if (chat.type === 'saved_messages') return 'Saved Messages';
	if (chat.type === 'replies') return 'Replies';
	return `chat ${chat.id}`;
}

function idText(value: unknown): string | null {
	if (typeof value === 'number' && Number.isInteger(value)) return String(value);
	if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
	return null;
}

/** `date_unixtime` (epoch seconds, exporter-independent) when present; else the exporting PC's naive `date`. */
function sentAt(message: JsonObject, zone: string): { sent_at: string; naive: boolean } | null {
	const unix = message.date_unixtime;
	if ((typeof unix === 'string' && /^\d+$/.test(unix)) || (typeof unix === 'number' && Number.isInteger(unix))) {
		return plausibleEpochMs(Number(unix) * 1000) ? { sent_at: wallClock(Number(unix) * 1000, zone), naive: false } : null;
	}
	const match = typeof message.date === 'string' ? NAIVE_DATE.exec(message.date) : null;
	if (!match) return null;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const sent_at = naiveTimestamp(year, month, day, hour, minute, second);
	return sent_at ? { sent_at, naive: true } : null;
}

function plainText(value: unknown): string | null {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (!Array.isArray(value)) return null;
	return value.map((part) => (typeof part === 'string' ? part : isJsonObject(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

/** The count of each reaction; null when the list is unreadable. */
function reactionCounts(value: unknown): number[] | null {
	if (value === undefined) return [];
	if (!Array.isArray(value)) return null;
	const counts: number[] = [];
	for (const reaction of value) {
		if (!isJsonObject(reaction) || typeof reaction.count !== 'number') return null;
		counts.push(reaction.count);
	}
	return counts;
}

function sender(id: unknown, name: unknown): { author_id: string; author_name: string } | null {
	if ((typeof id !== 'string' && typeof id !== 'number') || id === '') return null;
	// Exports before tdesktop 2.x wrote the bare user number; newer ones write `user123` / `channel123`.
	const author_id = typeof id === 'number' ? `user${id}` : id;
	return { author_id, author_name: typeof name === 'string' && name !== '' ? name : DELETED_ACCOUNT };
}

/** Posts with no sender (old channel posts, payments, …) are attributed to the chat itself. */
function chatAsAuthor(chat: JsonObject): { author_id: string; author_name: string } {
	return { author_id: peerId(chat), author_name: chatName(chat) };
}

/** The chat written the way tdesktop writes peers in `from_id` / `reply_to_peer_id`: `user1`, `chat2`, `channel3`. */
function peerId(chat: JsonObject): string {
	const type = typeof chat.type === 'string' ? chat.type : '';
	const kind = /channel|supergroup/.test(type) ? 'channel' : type === 'private_group' ? 'chat' : 'user';
	return `${kind}${chat.id}`;
}

function messageKind(message: JsonObject, body: string): string {
	if (message.type === 'service') return 'system';
	if (message.media_type === 'sticker') return 'sticker';
	if (body.trim() !== '') return 'text';
	if (isJsonObject(message.poll)) return 'text';
	return MEDIA_FIELDS.some((field) => field in message) ? 'media' : 'text';
}

function replyTo(message: JsonObject, chat_id: string, topic_roots: Set<string>, local_id: (id: string) => string): string | null {
	const target = idText(message.reply_to_message_id);
	if (target === null) return null;
	const peer = message.reply_to_peer_id;
	if (typeof peer === 'string' && peer.replace(/^\D+/, '') !== chat_id.replace(/^-/, '')) return `${peer}:${target}`;
	// In forum supergroups every message in a topic points at the topic's creation notice; that is not a reply.
	if (topic_roots.has(target)) return null;
	return local_id(target);
}
