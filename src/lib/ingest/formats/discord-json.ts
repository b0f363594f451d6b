import type { CanonicalMessage, MemberHint, ParsedExport, RejectedRow } from '../canonical-message';
import { wallClock } from '../time/wall-clock';
import { decodePrefix } from './decode-prefix';
import type { ExportFile, FormatAdapter, ParseOptions } from './format-adapter';
import { isoInstant } from './iso-instant';
import { jsonItemLines } from './json-item-lines';
import { MAX_MESSAGE_DEPTH, nestedDeeperThan } from './nested-deeper-than';
import { reactionTotal } from './reaction-total';
import { rejectBadByteRows } from './reject-bad-byte-rows';
import { isJsonObject, type JsonObject } from './json-object';
import { readExportJson } from './read-export-json';


const MESSAGE_TYPES = new Set(['Default', 'Reply']);
// `\bTAs?\b` rather than `ta\b`, which would also match "Beta" or "Data".
const MENTOR_ROLE = /mentor|teacher|tutor|instructor|professor|staff|admin|moderator|\btas?\b/i;

/** DiscordChatExporter JSON export of one channel, thread or DM (`{guild, channel, messages[]}`). */
export const discordJson: FormatAdapter = {
	id: 'discord-json',
	label: 'Discord channel (DiscordChatExporter JSON)',

	detect(file: ExportFile): boolean {
		const head = decodePrefix(file.bytes).replace(/^\uFEFF/, '');
		return /^\s*\{\s*"guild"\s*:\s*\{/.test(head) && /"channel"\s*:\s*\{/.test(head);
	},

	parse(file: ExportFile, options: ParseOptions): ParsedExport {
		const { decoded, text, root } = readExportJson(file, 'export the channel again as JSON.');
		if (!isJsonObject(root) || !Array.isArray(root.messages) || !(isJsonObject(root.channel) || isJsonObject(root.guild))) {
			throw new Error(`${file.name} is not a DiscordChatExporter JSON export: it has no "channel" and "messages".`);
		}
		const channel = isJsonObject(root.channel) ? root.channel : {};
		const source = `${file.name} / #${channel.name ?? channel.id ?? 'channel'}`;
		const list = root.messages as unknown[];
		const has_reactions = list.some((message) => isJsonObject(message) && Array.isArray(message.reactions));
		const messages: CanonicalMessage[] = [];
		const pending: { index: number; reason: string }[] = [];
		const ids_seen = new Set<string>();
		const hints = new Map<string, MemberHint>();
		const item_lines = jsonItemLines(text, /^messages$/).get('messages') ?? [];

		list.forEach((value, index) => {
			const reject = (reason: string) => pending.push({ index, reason });
			if (!isJsonObject(value)) return reject('not a message object');
			if (nestedDeeperThan(value, MAX_MESSAGE_DEPTH)) return reject(`a message nested more than ${MAX_MESSAGE_DEPTH} levels deep (damaged or not an export)`);
			const id = typeof value.id === 'string' || typeof value.id === 'number' ? String(value.id).trim() : '';
			if (id === '') return reject('no message "id"');
			if (ids_seen.has(id)) return reject(`message ${id}: the same id appears earlier in this file`);
			const instant = typeof value.timestamp === 'string' ? isoInstant(value.timestamp) : null;
			if (instant === null) return reject(`message ${id}: "timestamp" ${JSON.stringify(value.timestamp ?? null)} is not an ISO 8601 time with an offset`);
			const author = isJsonObject(value.author) ? value.author : null;
			const author_id = author && (typeof author.id === 'string' || typeof author.id === 'number') ? String(author.id) : '';
			if (!author || author_id === '') return reject(`message ${id}: no "author.id"`);
			const reactions = has_reactions ? reactionCounts(value.reactions) : [];
			if (reactions === null) return reject(`message ${id}: unreadable "reactions" (each needs a numeric "count")`);
			const total = reactionTotal(reactions);
			if ('problem' in total) return reject(`message ${id}: ${total.problem}`);
			const likes = has_reactions ? total.likes : null;

			ids_seen.add(id);
			const role_names = roleNames(author.roles);
			if (role_names.length > 0 && author.isBot !== true) hints.set(author_id, { author_id, hint: `Discord roles: ${role_names.join(', ')}` });
			const type = typeof value.type === 'string' ? value.type : 'Default';
			const content = contentOf(value);
			messages.push({
				message_id: id,
				sent_at: wallClock(instant, options.time_zone),
				author_id,
				author_name: nonEmpty(author.nickname) ?? nonEmpty(author.name) ?? author_id,
				role: author.isBot === true ? null : roleFrom(author.roles),
				text: content,
				kind: messageKind(value, type, author, content),
				likes,
				// A pin or thread notice references the message it is about; that is not a reply.
				reply_to: MESSAGE_TYPES.has(type) ? replyTo(value.reference) : null,
				source,
				line: item_lines[index]
			});
		});

		const rejected: RejectedRow[] = pending.map(({ index, reason }) => ({ line: item_lines[index] ?? 1, reason }));
		return {
			format: discordJson.id,
			capabilities: { reply_ids: true, likes: has_reactions, stable_ids: true, timezone_aware: true },
			...rejectBadByteRows(messages, rejected, decoded.bad_bytes),
			rows_in_file: messages.length + rejected.length,
			member_hints: [...hints.values()]
		};
	}
};


function nonEmpty(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The count of each reaction; null when the list is unreadable. */
function reactionCounts(value: unknown): number[] | null {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) return null;
	const counts: number[] = [];
	for (const reaction of value) {
		if (!isJsonObject(reaction) || typeof reaction.count !== 'number') return null;
		counts.push(reaction.count);
	}
	return counts;
}

function roleNames(roles: unknown): string[] {
	if (!Array.isArray(roles)) return [];
	return roles.flatMap((role) => (isJsonObject(role) && typeof role.name === 'string' && role.name.trim() !== '' ? [role.name.trim()] : []));
}

/** `mentor` when a role name says so; otherwise null, so the roster decides. */
function roleFrom(roles: unknown): string | null {
	if (!Array.isArray(roles)) return null;
	return roles.some((role) => isJsonObject(role) && typeof role.name === 'string' && MENTOR_ROLE.test(role.name)) ? 'mentor' : null;
}

/** System notifications and bot posts are `system`, so they stay out of counts like the other platforms' service messages. */
function messageKind(message: JsonObject, type: string, author: JsonObject, content: string): string {
	if (!MESSAGE_TYPES.has(type) || author.isBot === true) return 'system';
	if (content.trim() !== '') return 'text';
	if (hasAny(message, 'stickers')) return 'sticker';
	if (hasAny(message, 'attachments')) return 'media';
	return 'text';
}

function hasAny(message: JsonObject, list: 'stickers' | 'attachments'): boolean {
	const forwarded = isJsonObject(message.forwardedMessage) ? message.forwardedMessage[list] : undefined;
	return [message[list], forwarded].some((items) => Array.isArray(items) && items.length > 0);
}

/** A forward has no content of its own; like Telegram's forwards, it counts with the text it passes on. */
function contentOf(message: JsonObject): string {
	const content = typeof message.content === 'string' ? message.content : '';
	if (content !== '' || !isJsonObject(message.forwardedMessage)) return content;
	return typeof message.forwardedMessage.content === 'string' ? message.forwardedMessage.content : '';
}

function replyTo(reference: unknown): string | null {
	if (!isJsonObject(reference)) return null;
	// A forward also carries a reference, to the message it copies; it is not a reply.
	if (reference.type !== undefined && reference.type !== 'Default') return null;
	const target = reference.messageId;
	return typeof target === 'string' || typeof target === 'number' ? String(target) : null;
}
