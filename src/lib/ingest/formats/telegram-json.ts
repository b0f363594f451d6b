import type { CanonicalMessage, ParsedExport, RejectedRow } from '../canonical-message';
import { decodeText } from '../decode-text';
import { wallClock } from '../wall-clock';
import { decodePrefix } from './decode-prefix';
import type { ExportFile, FormatAdapter, ParseOptions } from './format-adapter';
import { jsonItemLines } from './json-item-lines';
import { MAX_MESSAGE_DEPTH, nestedDeeperThan } from './nested-deeper-than';
import { parseExportJson } from './parse-export-json';
import { naiveTimestamp } from './naive-timestamp';
import { plausibleEpochMs } from './plausible-epoch-ms';
import { reactionTotal } from './reaction-total';
import { rejectBadByteRows } from './reject-bad-byte-rows';

type Json = Record<string, unknown>;

interface Chat {
	/** Dotted JSON path of the chat object ('' for a single-chat export). */
	path: string;
	chat: Json;
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
		const decoded = decodeText(file.bytes);
		const text = decoded.text.replace(/^\uFEFF/, '');
		let root: unknown;
		try {
			root = parseExportJson(text);
		} catch (error) {
			throw new Error(`${file.name} is not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')}); export the chat again as "Machine-readable JSON".`);
		}
		const pending: PendingReject[] = [];
		const chats = telegramChats(root, pending);
		const item_lines = chats ? jsonItemLines(text, ITEM_ARRAYS) : new Map<string, number[]>();
		if (!chats) {
			throw new Error(`${file.name} is not a Telegram Desktop export: it has neither a "messages" list nor "chats.list".`);
		}
		const prefix_ids = chats.length > 1;
		const has_reactions = chats.some(({ chat }) => (chat.messages as unknown[]).some((message) => isObject(message) && 'reactions' in message));
		const messages: CanonicalMessage[] = [];
		let naive_times = 0;

		for (const { path, chat } of chats) {
			const chat_id = String(chat.id ?? '');
			const chat_peer = peerId(chat);
			const source = `${file.name} / ${chatName(chat)}`;
			const list = chat.messages as unknown[];
			const messages_path = path === '' ? 'messages' : `${path}.messages`;
			const message_lines = item_lines.get(messages_path) ?? [];
			const topic_roots = new Set(
				list.filter((message) => isObject(message) && message.action === 'topic_created').map((message) => String((message as Json).id))
			);
			// Prefixed like a cross-chat `reply_to_peer_id`, so such replies resolve when both chats are in the file.
			const local_id = (id: string) => (prefix_ids ? `${chat_peer}:${id}` : id);
			const ids_seen = new Set<string>();

			list.forEach((value, index) => {
				const reject = (reason: string) => pending.push({ array: messages_path, index, reason });
				if (!isObject(value)) return reject('not a message object');
				if (nestedDeeperThan(value, MAX_MESSAGE_DEPTH)) return reject(`a message nested more than ${MAX_MESSAGE_DEPTH} levels deep (damaged or not an export)`);
				if (value.type === 'unsupported') return reject(`message ${value.id}: Telegram Desktop could not export it (type "unsupported")`);
				if (value.type !== 'message' && value.type !== 'service') return reject(`message ${value.id}: unknown type ${JSON.stringify(value.type)}`);
				const id = idText(value.id);
				if (id === null) return reject('no numeric "id"');
				if (ids_seen.has(id)) return reject(`message ${id}: the same id appears earlier in this chat`);
				const time = sentAt(value, options.time_zone);
				if (!time) {
					return reject(`message ${id}: no readable "date_unixtime" or "date" (found ${JSON.stringify(value.date_unixtime ?? value.date ?? null)})`);
				}
				const body = plainText(value.text);
				if (body === null) return reject(`message ${id}: "text" is neither a string nor a list of text parts`);
				const reactions = has_reactions ? reactionCounts(value.reactions) : [];
				if (reactions === null) return reject(`message ${id}: unreadable "reactions" (each needs a numeric "count")`);
				const total = reactionTotal(reactions);
				if ('problem' in total) return reject(`message ${id}: ${total.problem}`);
				const likes = has_reactions ? total.likes : null;
				const is_service = value.type === 'service';
				const author = is_service ? sender(value.actor_id ?? value.from_id, value.actor ?? value.from) : sender(value.from_id, value.from);
				const { author_id, author_name } = author ?? chatAsAuthor(chat);

				ids_seen.add(id);
				if (time.naive) naive_times++;
				const poll_question = isObject(value.poll) && typeof value.poll.question === 'string' ? value.poll.question : '';
				messages.push({
					message_id: local_id(id),
					sent_at: time.sent_at,
					author_id,
					author_name,
					role: null,
					text: is_service ? body || String(value.action ?? '') : body || poll_question,
					kind: messageKind(value, body),
					likes,
					reply_to: replyTo(value, chat_id, topic_roots, local_id),
					source,
					line: message_lines[index]
				});
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
	}
};

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function telegramChats(root: unknown, pending: PendingReject[]): Chat[] | null {
	if (!isObject(root)) return null;
	if (Array.isArray(root.messages)) return [{ path: '', chat: root }];
	const lists = Object.keys(root).filter((key) => (key === 'chats' || key === 'left_chats') && isObject(root[key]) && Array.isArray((root[key] as Json).list));
	if (lists.length === 0) return null;
	const chats: Chat[] = [];
	for (const key of lists) {
		((root[key] as Json).list as unknown[]).forEach((chat, index) => {
			const path = `${key}.list.${index}`;
			if (isObject(chat) && Array.isArray(chat.messages)) chats.push({ path, chat });
			else pending.push({ array: `${key}.list`, index, reason: `${key}.list[${index}] is not a chat with a "messages" list; nothing was imported from it` });
		});
	}
	return chats;
}

function chatName(chat: Json): string {
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
function sentAt(message: Json, zone: string): { sent_at: string; naive: boolean } | null {
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
	return value.map((part) => (typeof part === 'string' ? part : isObject(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

/** The count of each reaction; null when the list is unreadable. */
function reactionCounts(value: unknown): number[] | null {
	if (value === undefined) return [];
	if (!Array.isArray(value)) return null;
	const counts: number[] = [];
	for (const reaction of value) {
		if (!isObject(reaction) || typeof reaction.count !== 'number') return null;
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
function chatAsAuthor(chat: Json): { author_id: string; author_name: string } {
	return { author_id: peerId(chat), author_name: chatName(chat) };
}

/** The chat written the way tdesktop writes peers in `from_id` / `reply_to_peer_id`: `user1`, `chat2`, `channel3`. */
function peerId(chat: Json): string {
	const type = typeof chat.type === 'string' ? chat.type : '';
	const kind = /channel|supergroup/.test(type) ? 'channel' : type === 'private_group' ? 'chat' : 'user';
	return `${kind}${chat.id}`;
}

function messageKind(message: Json, body: string): string {
	if (message.type === 'service') return 'system';
	if (message.media_type === 'sticker') return 'sticker';
	if (body.trim() !== '') return 'text';
	if (isObject(message.poll)) return 'text';
	return MEDIA_FIELDS.some((field) => field in message) ? 'media' : 'text';
}

function replyTo(message: Json, chat_id: string, topic_roots: Set<string>, local_id: (id: string) => string): string | null {
	const target = idText(message.reply_to_message_id);
	if (target === null) return null;
	const peer = message.reply_to_peer_id;
	if (typeof peer === 'string' && peer.replace(/^\D+/, '') !== chat_id.replace(/^-/, '')) return `${peer}:${target}`;
	// In forum supergroups every message in a topic points at the topic's creation notice; that is not a reply.
	if (topic_roots.has(target)) return null;
	return local_id(target);
}
