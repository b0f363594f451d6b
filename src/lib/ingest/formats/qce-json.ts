import type { CanonicalMessage, MemberHint, ParsedExport, RejectedRow } from '../canonical-message';
import { decodePrefix } from './decode-prefix';
import type { ExportFile, FormatAdapter, ParseOptions } from './format-adapter';
import { jsonItemLines } from './json-item-lines';
import { qceMessage } from './qce-message';
import { rejectBadByteRows } from './reject-bad-byte-rows';
import { zonedWallClock } from './zoned-wall-clock';
import { isJsonObject } from './json-object';
import { readExportJson } from './read-export-json';


/** `metadata.name` is "QQChatExporter" (V4: "QQChatExporter V4 / …"); the chunked manifest has the same head. */
const QCE_HEAD = /"metadata"\s*:\s*\{[^}]*"(?:name|copyright)"\s*:\s*"[^"]*(?:QQChatExporter|qq-chat-exporter)/i;
const CHUNKED_MANIFEST = /"format"\s*:\s*"chunked-jsonl"/;

/** QQ Chat Exporter (shuakami/qq-chat-exporter) single-file JSON: `{metadata, chatInfo, statistics, messages[]}`, current and V4. */
export const qceJson: FormatAdapter = {
	id: 'qce-json',
	label: 'QQ Chat Exporter (QCE) JSON',

	detect(file: ExportFile): boolean {
		const head = decodePrefix(file.bytes, 8192).replace(/^\uFEFF/, '');
		return /^\s*\{/.test(head) && QCE_HEAD.test(head) && /"chatInfo"\s*:/.test(head) && !CHUNKED_MANIFEST.test(head);
	},

	parse(file: ExportFile, options: ParseOptions): ParsedExport {
		const { decoded, text, root } = readExportJson(file, 'export the chat again from QQ Chat Exporter as JSON.');
		if (!isJsonObject(root) || !Array.isArray(root.messages)) {
			throw new Error(`${file.name} is not a QQ Chat Exporter JSON export: it has no "messages" list.`);
		}
		const chat_info = isJsonObject(root.chatInfo) ? root.chatInfo : {};
		const source = typeof chat_info.name === 'string' && chat_info.name.trim() !== '' ? `${file.name} / ${chat_info.name}` : file.name;
		const item_lines = jsonItemLines(text, /^messages$/).get('messages') ?? [];
		const context = { wallClock: zonedWallClock(options.time_zone), source, line: 1, ids_seen: new Set<string>(), hints: new Map<string, MemberHint>() };
		const messages: CanonicalMessage[] = [];
		const rejected: RejectedRow[] = [];
		(root.messages as unknown[]).forEach((value, index) => {
			context.line = item_lines[index] ?? 1;
			const message = qceMessage(value, context);
			if (typeof message === 'string') rejected.push({ line: context.line, reason: message });
			else messages.push(message);
		});
		return {
			format: qceJson.id,
			capabilities: { reply_ids: true, likes: false, stable_ids: true, timezone_aware: true },
			...rejectBadByteRows(messages, rejected, decoded.bad_bytes),
			rows_in_file: messages.length + rejected.length,
			member_hints: [...context.hints.values()]
		};
	}
};

