import type { CanonicalMessage, MemberHint } from '../canonical-message';
import { isoInstant } from './iso-instant';
import { MAX_MESSAGE_DEPTH, nestedDeeperThan } from './nested-deeper-than';
import { plausibleEpochMs } from './plausible-epoch-ms';
import { isJsonObject, type JsonObject } from './json-object';


export interface QceMessageContext {
	/** Epoch ms → wall clock in the dataset zone (`zonedWallClock`). */
	wallClock: (epoch_ms: number) => string;
	source: string;
	line: number;
	/** Ids already read from this file: a repeated id is a rejected row. */
	ids_seen: Set<string>;
	/** Role hints found so far (group owner or admin, 群头衔), one per member and hint. */
	hints: Map<string, MemberHint>;
}

const ROLE_HINTS: Record<string, string> = { owner: 'QQ group owner', admin: 'QQ group admin' };

// QCE writes the reply element as this placeholder at the start of `content.text`; it is not written words.
const REPLY_PLACEHOLDER = /^\s*\[回复消息\]\s*/;
const MEDIA_ELEMENTS = new Set(['image', 'video', 'audio', 'file', 'forward', 'json', 'location', 'long_message', 'markdown', 'giphy', 'wallet', 'live_gift']);
const STICKER_ELEMENTS = new Set(['face', 'market_face', 'marketFace']);
const SYSTEM_ELEMENTS = new Set(['system', 'av_record']);
// Media placeholders QCE (and its V4 TypeScript exporter) write into `content.text`, e.g. `[图片:a.jpg]`, `[语音:3秒]`.
const PLACEHOLDERS_ONLY = /^(?:\s*\[(?:图片|视频|语音|文件|表情|位置消息|JSON消息|长消息|Markdown消息|聊天记录|合并转发)[^\]]*\]\s*)+$/;
// A QCE sender placeholder that is not a person: a gray tip with no sender gets uid "未知", uin "0" or none.
const NO_SENDER = new Set(['', '0', '未知']);

/**
 * One QQ Chat Exporter message (the current Rust exporter's `{id, timestamp, sender, type, content{text,
 * elements, mentions}, recalled, system}` or the older V4 `{messageId, timestamp, sender, isSystemMessage,
 * isRecalled, content{text, reply}, rawMessage}`) as a canonical message, or the reason it cannot be read.
 */
export function qceMessage(value: unknown, context: QceMessageContext): CanonicalMessage | string {
	if (!isJsonObject(value)) return 'not a message object';
	if (nestedDeeperThan(value, MAX_MESSAGE_DEPTH)) return `a message nested more than ${MAX_MESSAGE_DEPTH} levels deep (damaged or not an export)`;
	const id = idText(value.id) ?? idText(value.messageId);
	const label = id === null ? 'a message without an id' : `message ${id}`;
	if (id !== null && context.ids_seen.has(id)) return `${label}: the same id appears earlier in this file`;
	const epoch_ms = epochMs(value.timestamp) ?? epochMs(value.time);
	if (epoch_ms === null) return `${label}: "timestamp" ${short(value.timestamp ?? value.time ?? null)} is not epoch milliseconds or an ISO time with an offset`;
	const content = isJsonObject(value.content) ? value.content : {};
	const elements = Array.isArray(content.elements) ? content.elements.filter(isJsonObject) : [];
	const element_types = new Set(elements.map((element) => String(element.type ?? '')));
	const is_system =
		value.system === true || value.isSystemMessage === true || value.type === 'system' || [...SYSTEM_ELEMENTS].some((type) => element_types.has(type));
	const author = authorOf(value);
	if (!author && !is_system) return `${label}: no sender uin or uid`;
	if (typeof content.text !== 'string' && content.text !== undefined && content.text !== null) return `${label}: "content.text" is not text`;

	if (id !== null) context.ids_seen.add(id);
	if (author && !is_system) for (const hint of hintsOf(value)) context.hints.set(`${author.id}\n${hint}`, { author_id: author.id, hint });
	const text = (typeof content.text === 'string' ? content.text : '').replace(REPLY_PLACEHOLDER, '');
	const is_recalled = value.recalled === true || value.isRecalled === true;
	return {
		message_id: id,
		sent_at: context.wallClock(epoch_ms),
		author_id: author?.id ?? 'system',
		author_name: author?.name ?? (nonEmpty(isJsonObject(value.sender) ? value.sender.name : null) || '系统消息'),
		role: null,
		text,
		// A recalled message is no longer in the chat, as WhatsApp's "This message was deleted" is `system`.
		kind: is_system || is_recalled ? 'system' : messageKind(text, elements, content),
		likes: null,
		reply_to: replyTo(elements, content),
		source: context.source,
		line: context.line
	};
}


function nonEmpty(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function idText(value: unknown): string | null {
	const id = nonEmpty(value);
	return id === '' || id === '0' ? null : id;
}

function short(value: unknown): string {
	const json = JSON.stringify(value) ?? String(value);
	return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

/** `timestamp` is epoch ms (a number, or digits in V4 files); V4 also wrote a serialised Date (`…Z`). */
function epochMs(value: unknown): number | null {
	let epoch_ms: number | null = null;
	if (typeof value === 'number' && Number.isInteger(value)) epoch_ms = value;
	else if (typeof value === 'string' && /^\d{1,16}$/.test(value.trim())) epoch_ms = Number(value.trim());
	else if (typeof value === 'string') epoch_ms = isoInstant(value);
	return epoch_ms !== null && plausibleEpochMs(epoch_ms) ? epoch_ms : null;
}

/** The QQ number when there is one (stable and what members know), else the NT uid; V4 files keep them in rawMessage. */
function authorOf(message: JsonObject): { id: string; name: string } | null {
	const sender = isJsonObject(message.sender) ? message.sender : {};
	const raw = isJsonObject(message.rawMessage) ? message.rawMessage : {};
	const id = [sender.uin, raw.senderUin, sender.uid, raw.senderUid].map(nonEmpty).find((candidate) => !NO_SENDER.has(candidate));
	if (!id) return null;
	// V4 wrote the uid as `sender.name` when it had no name; the group card (群名片) is what members see.
	const uid = nonEmpty(sender.uid);
	const name = [sender.name, sender.groupCard, raw.sendMemberName, sender.nickname, raw.sendNickName]
		.map(nonEmpty)
		.find((candidate) => candidate !== '' && candidate !== uid);
	return { id, name: name ?? id };
}

/**
 * `text` when the message has written words (text or @mention elements; in V4 files, text that is not only
 * media placeholders); otherwise `media` for pictures, files, cards and forwards, `sticker` for faces, market
 * faces and custom-sticker pictures (`subType: "sticker"`).
 */
/** V4 senders carry their group role; current ones the group title (群头衔) an owner gave them, such as 老师 or 学委. */
function hintsOf(message: JsonObject): string[] {
	const sender = isJsonObject(message.sender) ? message.sender : {};
	const hints: string[] = [];
	const role = ROLE_HINTS[nonEmpty(sender.role)];
	if (role) hints.push(role);
	const title = nonEmpty(sender.title);
	if (title !== '') hints.push(`QQ group title: ${title}`);
	return hints;
}

function messageKind(text: string, elements: JsonObject[], content: JsonObject): string {
	if (elements.length === 0) {
		if (text.trim() !== '' && !PLACEHOLDERS_ONLY.test(text)) return 'text';
		if (Array.isArray(content.resources) && content.resources.length > 0) return 'media';
		return Array.isArray(content.emojis) && content.emojis.length > 0 ? 'sticker' : 'text';
	}
	const written = elements.some((element) => element.type === 'at' || (element.type === 'text' && isJsonObject(element.data) && nonEmpty(element.data.text) !== ''));
	if (written) return 'text';
	const sticker_picture = (element: JsonObject) => element.type === 'image' && isJsonObject(element.data) && element.data.subType === 'sticker';
	if (elements.some((element) => MEDIA_ELEMENTS.has(String(element.type)) && !sticker_picture(element))) return 'media';
	return elements.some((element) => STICKER_ELEMENTS.has(String(element.type)) || sticker_picture(element)) ? 'sticker' : 'text';
}

/** The current layout's reply element, or V4's `content.reply`; `messageId` "0" means QCE did not find the target. */
function replyTo(elements: JsonObject[], content: JsonObject): string | null {
	const reply = elements.find((element) => element.type === 'reply');
	const data = reply && isJsonObject(reply.data) ? reply.data : isJsonObject(content.reply) ? content.reply : null;
	if (!data) return null;
	return idText(data.referencedMessageId) ?? idText(data.messageId);
}
