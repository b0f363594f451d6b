import type { CanonicalMessage, ParsedExport, RejectedRow } from '../canonical-message';
import { decodePrefix } from './decode-prefix';
import type { ExportFile, FormatAdapter, ParseOptions } from './format-adapter';
import { jsonItemLines } from './json-item-lines';
import { MAX_MESSAGE_DEPTH, nestedDeeperThan } from './nested-deeper-than';
import { rejectBadByteRows } from './reject-bad-byte-rows';
import { zonedWallClock } from './zoned-wall-clock';
import { isJsonObject } from './json-object';
import { readExportJson } from './read-export-json';


// WeFlow's Chinese type labels (`getMessageTypeName`); the label decides, `localType` only when the label is unknown.
const KIND_BY_LABEL = new Map<string, string>([
	['文本消息', 'text'],
	['引用消息', 'text'],
	['动画表情', 'sticker'],
	['系统消息', 'system'],
	['拍一拍', 'system'],
	...['图片消息', '语音消息', '视频消息', '文件消息', '名片消息', '卡片式链接', '图文消息', '位置消息', '红包卡片', '转账卡片', '小程序分享', '视频号直播卡片', '聊天记录合并转发', '通话消息', '音乐分享', '视频号'].map(
		(label): [string, string] => [label, 'media']
	)
]);
// WeChat's message types, as in WeChatMsg: 1 text, 47 sticker, 10000/10002 system, the rest media (49 = app message).
const KIND_BY_LOCAL_TYPE = new Map<number, string>([
	[1, 'text'],
	[47, 'sticker'],
	[10000, 'system'],
	[10002, 'system'],
	...[3, 6, 34, 42, 43, 48, 49, 50, 62].map((type): [number, string] => [type, 'media'])
]);
// WeChat launched in 2011; anything outside 2000–2100 is not Unix seconds.
const MIN_SECONDS = 946_684_800;
const MAX_SECONDS = 4_102_444_800;

/**
 * WeFlow (hicccc77/WeFlow) chat JSON: `{weflow, session{wxid, type: 群聊|私聊}, messages[{localId, createTime (s),
 * type, localType, content, isSend, senderUsername, senderDisplayName, platformMessageId?, replyToMessageId?}]}`,
 * and its compact "arkme" variant that names senders through `senders[{senderID, wxid, displayName}]`.
 */
export const weflowJson: FormatAdapter = {
	id: 'weflow-json',
	label: 'WeChat chat history JSON (WeFlow)',

	detect(file: ExportFile): boolean {
		const head = decodePrefix(file.bytes, 8192).replace(/^\uFEFF/, '');
		return /^\s*\{\s*"weflow"\s*:\s*\{/.test(head);
	},

	parse(file: ExportFile, options: ParseOptions): ParsedExport {
		const { decoded, text, root } = readExportJson(file, 'export the chat again from WeFlow as JSON.');
		if (!isJsonObject(root) || !Array.isArray(root.messages)) throw new Error(`${file.name} is not a WeFlow JSON export: it has no "messages" list.`);
		const session = isJsonObject(root.session) ? root.session : {};
		const chat_name = textOf(session.displayName) || textOf(session.nickname) || textOf(session.wxid);
		const source = chat_name ? `${file.name} / ${chat_name}` : file.name;
		const senders = senderTable(root.senders);
		const list = root.messages as unknown[];
		// Newer WeFlow writes server ids and the server id a quote points at; older files have neither.
		const has_ids = list.some((message) => isJsonObject(message) && textOf(message.platformMessageId) !== '');
		const item_lines = jsonItemLines(text, /^messages$/).get('messages') ?? [];
		const wallClock = zonedWallClock(options.time_zone);
		const ids_seen = new Set<string>();
		const messages: CanonicalMessage[] = [];
		const rejected: RejectedRow[] = [];

		list.forEach((value, index) => {
			const line = item_lines[index] ?? 1;
			const reject = (reason: string) => rejected.push({ line, reason });
			if (!isJsonObject(value)) return reject('not a message object');
			if (nestedDeeperThan(value, MAX_MESSAGE_DEPTH)) return reject(`a message nested more than ${MAX_MESSAGE_DEPTH} levels deep (damaged or not an export)`);
			const seconds = value.createTime;
			if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
				return reject(`"createTime" ${JSON.stringify(seconds ?? null)} is not Unix seconds`);
			}
			const label = textOf(value.type);
			const kind = KIND_BY_LABEL.get(label) ?? (typeof value.localType === 'number' ? KIND_BY_LOCAL_TYPE.get(value.localType) : undefined);
			if (!kind) return reject(`type ${JSON.stringify(value.type ?? null)} (localType ${JSON.stringify(value.localType ?? null)}) is not a message type this importer knows`);
			const sender = typeof value.senderID === 'number' ? senders.get(value.senderID) : undefined;
			const author_id = textOf(value.senderUsername) || (sender?.wxid ?? '');
			const is_system = kind === 'system' || value.isSend === null;
			if (author_id === '' && !is_system) return reject('no "senderUsername" (wxid)');
			const server_id = textOf(value.platformMessageId);
			if (server_id !== '' && ids_seen.has(server_id)) return reject(`message ${server_id}: the same platformMessageId appears earlier in this file`);

			if (server_id !== '') ids_seen.add(server_id);
			const reply_to = textOf(value.replyToMessageId);
			messages.push({
				message_id: server_id || null,
				sent_at: wallClock(seconds * 1000),
				author_id: author_id || 'system',
				author_name: textOf(value.senderDisplayName) || sender?.name || author_id || '系统消息',
				role: null,
				text: typeof value.content === 'string' ? value.content.replace(/\r\n?/g, '\n') : '',
				kind: is_system ? 'system' : kind,
				likes: null,
				reply_to: reply_to || null,
				source,
				line
			});
		});

		return {
			format: weflowJson.id,
			capabilities: { reply_ids: has_ids, likes: false, stable_ids: true, timezone_aware: true },
			...rejectBadByteRows(messages, rejected, decoded.bad_bytes),
			rows_in_file: messages.length + rejected.length
		};
	}
};


function textOf(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** The arkme variant's `senders[{senderID, wxid, displayName}]`, by senderID. */
function senderTable(value: unknown): Map<number, { wxid: string; name: string }> {
	const table = new Map<number, { wxid: string; name: string }>();
	if (!Array.isArray(value)) return table;
	for (const sender of value) {
		if (!isJsonObject(sender) || typeof sender.senderID !== 'number') continue;
		const wxid = textOf(sender.wxid);
		table.set(sender.senderID, { wxid, name: textOf(sender.displayName) || textOf(sender.nickname) || wxid });
	}
	return table;
}
