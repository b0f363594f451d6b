import type { CanonicalMessage, MemberHint, ParsedExport, RejectedRow } from '../canonical-message';
import { decodeText } from '../text/decode-text';
import { decodePrefix } from './decode-prefix';
import type { ExportFile, FormatAdapter } from './format-adapter';
import { naiveTimestamp } from './naive-timestamp';
import { rejectBadByteRows } from './reject-bad-byte-rows';

// `s`: a sender may hold U+2028/U+2029, which `.` skips otherwise (lines are already split at CR/LF).
const HEADER = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})(?: ?([AP]M))? (.*)$/s;
const SEPARATOR = /^={16,}\s*$/;
const GROUP = /^消息分组[:：](.*)$/;
const OBJECT = /^消息对象[:：](.*)$/;
const TITLE = /^【([^】]*)】/;
const TITLE_HINTS: Record<string, string> = { 群主: 'QQ group owner', 管理员: 'QQ group admin' };
// QQ numbers start at 10000, so a shorter number in brackets belongs to the nickname.
const QQ_NUMBER = /[(（](\d{5,12})[)）]$/;
const EMAIL = /<([^<>\s]+@[^<>\s]+)>$/;
const SYSTEM_IDS = new Set(['10000', '1000000']);
const PLACEHOLDERS = /^(?:\[(?:图片|表情|语音|文件|视频)\]\s*)+$/;
const STICKERS_ONLY = /^(?:\[表情\]\s*)+$/;
const DETECT_PREAMBLE = /^(?:消息记录|消息分组[:：]|消息对象[:：])/m;
const DETECT_HEADER = /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}(?: ?[AP]M)? .*(?:[(（]\d{5,12}[)）]|<[^<>\s]+@[^<>\s]+>)\s*$/m;

interface OpenMessage {
	header_line: number;
	source: string;
	body: string[];
	/** Set when the header itself is unreadable; the body is skipped with it. */
	rejected_reason: string | null;
	sent_at: string;
	author_id: string;
	author_name: string;
	has_id: boolean;
	/** The 【…】 title before the sender (群主, 管理员, …), kept as a hint for the member. */
	title: string | null;
}

/** Tencent QQ message-manager TXT export (legacy QQ ≤ 9.7), one or more 消息对象 blocks per file. */
export const qqTxt: FormatAdapter = {
	id: 'qq-txt',
	label: 'Tencent QQ message manager (TXT)',

	detect(file: ExportFile): boolean {
		const text = decodePrefix(file.bytes).replace(/^\uFEFF/, '');
		if (DETECT_PREAMBLE.test(text) || DETECT_HEADER.test(text)) return true;
		const first = HEADER.exec(text.trimStart().split(/\r\n|\n|\r/, 1)[0]);
		return first !== null && !/^[-–]\s/.test(first[8]);
	},

	parse(file: ExportFile): ParsedExport {
		const decoded = decodeText(file.bytes);
		const lines = decoded.text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
		const messages: CanonicalMessage[] = [];
		const rejected: RejectedRow[] = [];
		const ids_seen = { with_id: 0, without_id: 0 };
		const hints = new Map<string, MemberHint>();
		let source = file.name;
		let in_preamble = true;
		let open: OpenMessage | null = null;
		let headers = 0;

		const close = () => {
			if (!open) return;
			if (open.rejected_reason) {
				rejected.push({ line: open.header_line, reason: open.rejected_reason });
			} else {
				messages.push(toMessage(open));
				const hint = open.title === null ? undefined : TITLE_HINTS[open.title];
				if (hint) hints.set(`${open.author_id}\n${hint}`, { author_id: open.author_id, hint });
				ids_seen[open.has_id ? 'with_id' : 'without_id']++;
			}
			open = null;
		};

		for (let index = 0; index < lines.length; index++) {
			const line = lines[index];
			if (in_preamble) {
				if (line.trim() === '' || SEPARATOR.test(line) || (index === 0 && line.startsWith('消息记录'))) continue;
				if (GROUP.test(line)) continue;
				const object = OBJECT.exec(line);
				if (object) {
					source = `${file.name} / ${object[1].trim()}`;
					continue;
				}
				in_preamble = false;
			}
			if (SEPARATOR.test(line) && (GROUP.test(lines[index + 1] ?? '') || OBJECT.test(lines[index + 1] ?? ''))) {
				close();
				in_preamble = true;
				continue;
			}
			const header = HEADER.exec(line);
			const after_blank = index === 0 || lines[index - 1].trim() === '';
			if (header && (after_blank || open === null)) {
				close();
				open = openMessage(header, index + 1, source);
				headers++;
				continue;
			}
			if (open) {
				open.body.push(line);
			} else if (line.trim() !== '') {
				rejected.push({ line: index + 1, reason: 'text outside any message: no "YYYY-MM-DD HH:MM:SS sender" line above it' });
			}
		}
		close();

		if (headers === 0) {
			throw new Error(`${file.name} is not a QQ message-manager TXT export: no "YYYY-MM-DD HH:MM:SS sender" message lines found.`);
		}
		return {
			format: qqTxt.id,
			capabilities: {
				reply_ids: false,
				likes: false,
				stable_ids: ids_seen.with_id > 0 && ids_seen.without_id === 0,
				timezone_aware: false
			},
			...rejectBadByteRows(messages, rejected, decoded.bad_bytes),
			rows_in_file: messages.length + rejected.length,
			member_hints: [...hints.values()]
		};
	}
};

function openMessage(header: RegExpExecArray, header_line: number, source: string): OpenMessage {
	const open: OpenMessage = {
		header_line,
		source,
		body: [],
		rejected_reason: null,
		sent_at: '',
		author_id: '',
		author_name: '',
		has_id: false,
		title: null
	};
	const [, year, month, day, hour_text, minute, second, meridiem, sender_text] = header;
	let hour = Number(hour_text);
	if (meridiem) {
		if (hour < 1 || hour > 12) {
			open.rejected_reason = `unreadable header: hour ${hour_text} with ${meridiem}`;
			return open;
		}
		hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0);
	}
	const sent_at = naiveTimestamp(Number(year), Number(month), Number(day), hour, Number(minute), Number(second));
	if (!sent_at) {
		open.rejected_reason = `unreadable header: "${year}-${month}-${day} ${hour_text}:${minute}:${second}${meridiem ? ' ' + meridiem : ''}" is not a valid date and time`;
		return open;
	}
	const title = TITLE.exec(sender_text.trim());
	open.title = title?.[1].trim() ?? null;
	const sender = sender_text.trim().replace(TITLE, '').trim();
	const number = QQ_NUMBER.exec(sender);
	const email = number ? null : EMAIL.exec(sender);
	const id = number?.[1] ?? email?.[1] ?? null;
	const name = id ? sender.slice(0, sender.length - (number ?? email)![0].length).trim() : sender;
	if (!id && name === '') {
		open.rejected_reason = 'unreadable header: no sender after the time';
		return open;
	}
	open.sent_at = sent_at;
	open.author_id = id ?? name;
	open.author_name = name || (id as string);
	open.has_id = id !== null;
	return open;
}

function toMessage(open: OpenMessage): CanonicalMessage {
	const body = [...open.body];
	while (body.length > 0 && body[body.length - 1].trim() === '') body.pop();
	const text = body.join('\n');
	const placeholder = PLACEHOLDERS.test(text.trim());
	const kind =
		SYSTEM_IDS.has(open.author_id) || open.author_name === '系统消息'
			? 'system'
			: placeholder
				? STICKERS_ONLY.test(text.trim())
					? 'sticker'
					: 'media'
				: 'text';
	return {
		message_id: null,
		sent_at: open.sent_at,
		author_id: open.author_id,
		author_name: open.author_name,
		role: null,
		text,
		kind,
		likes: null,
		reply_to: null,
		source: open.source,
		line: open.header_line
	};
}
