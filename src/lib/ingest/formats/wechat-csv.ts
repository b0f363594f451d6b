import Papa from 'papaparse';
import type { CanonicalMessage, ParsedExport, RejectedRow } from '../canonical-message';
import { decodeText } from '../text/decode-text';
import { decodePrefix } from './decode-prefix';
import type { ExportFile, FormatAdapter, ParseOptions } from './format-adapter';
import { rejectBadByteRows } from './reject-bad-byte-rows';
import { zonedWallClock } from './zoned-wall-clock';

const REQUIRED_COLUMNS = ['localId', 'Type', 'SubType', 'CreateTime', 'StrContent', 'Remark', 'NickName', 'Sender'] as const;
const TEXT_TYPES = new Set([1]);
const STICKER_TYPES = new Set([47]);
const SYSTEM_TYPES = new Set([10000, 10002]);
// 3 image, 6 file, 34 voice, 42 contact card, 43 video, 48 location, 50 call, 62 short video.
const MEDIA_TYPES = new Set([3, 6, 34, 42, 43, 48, 50, 62]);
const APP_MESSAGE = 49;
// 49/57 is a quote reply; the quoted message lives in CompressContent, which the CSV leaves out.
const QUOTE_REPLY_SUBTYPE = 57;
// WeChat launched in 2011; anything outside 2000–2100 is not Unix seconds.
const MIN_SECONDS = 946_684_800;
const MAX_SECONDS = 4_102_444_800;

/** WeChatMsg / 留痕 MemoTrace CSV (`localId,TalkerId,Type,…,Sender`, utf-8-sig, CRLF). */
export const wechatCsv: FormatAdapter = {
	id: 'wechat-csv',
	label: 'WeChat chat history CSV (WeChatMsg / MemoTrace)',

	detect(file: ExportFile): boolean {
		const first_line = decodePrefix(file.bytes, 1024).replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0];
		const columns = new Set(first_line.split(',').map((column) => column.trim().replace(/^"|"$/g, '')));
		return REQUIRED_COLUMNS.every((column) => columns.has(column));
	},

	parse(file: ExportFile, options: ParseOptions): ParsedExport {
		const decoded = decodeText(file.bytes);
		const text = decoded.text.replace(/^\uFEFF/, '');
		const messages: CanonicalMessage[] = [];
		const rejected: RejectedRow[] = [];
		const ids_seen = new Set<string>();
		const wallClock = zonedWallClock(options.time_zone);
		let header: string[] | null = null;
		let column: Record<(typeof REQUIRED_COLUMNS)[number], number> | null = null;
		let row_start = 0;
		let counted_to = 0;
		let line = 1;

		Papa.parse<string[]>(text, {
			delimiter: ',',
			step: (result) => {
				for (let index = counted_to; index < row_start; index++) if (text.charCodeAt(index) === 10) line++;
				counted_to = row_start;
				const row_line = line;
				row_start = result.meta.cursor;
				const fields = result.data;
				if (fields.length === 1 && fields[0].trim() === '') return;
				if (!header) {
					header = fields.map((field) => field.trim());
					const missing = REQUIRED_COLUMNS.filter((name) => !header!.includes(name));
					if (missing.length > 0) {
						throw new Error(`${file.name} is not a WeChatMsg CSV: missing column(s) ${missing.join(', ')}.`);
					}
					column = Object.fromEntries(REQUIRED_COLUMNS.map((name) => [name, header!.indexOf(name)])) as typeof column;
					return;
				}
				const reject = (reason: string) => rejected.push({ line: row_line, reason });
				if (result.errors.length > 0) return reject(`unreadable CSV row: ${result.errors[0].message}`);
				if (fields.length !== header.length) return reject(`expected ${header.length} fields, found ${fields.length}`);
				const field = (name: (typeof REQUIRED_COLUMNS)[number]) => fields[column![name]];

				const create_time = field('CreateTime').trim();
				const seconds = Number(create_time);
				if (!/^\d+$/.test(create_time) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
					return reject(`CreateTime "${create_time}" is not Unix seconds`);
				}
				const type = Number(field('Type'));
				const kind = messageKind(type, Number(field('SubType')));
				if (!kind) return reject(`Type ${field('Type')} (SubType ${field('SubType')}) is not a message type this importer knows`);
				const sender = field('Sender').trim();
				if (sender === '' && kind !== 'system') return reject('no Sender (wxid)');

				const local_id = field('localId').trim();
				const message_id = local_id === '' || ids_seen.has(local_id) ? null : local_id;
				if (message_id) ids_seen.add(message_id);
				const content = field('StrContent');
				messages.push({
					message_id,
					sent_at: wallClock(seconds * 1000),
					author_id: sender || 'system',
					author_name: field('Remark').trim() || field('NickName').trim() || sender || 'system',
					role: null,
					// Non-text types carry XML metadata (image sizes, emoji md5, call records), not words.
					text: type !== 1 && /^\s*</.test(content) ? '' : content.replace(/\r\n?/g, '\n'),
					kind,
					likes: null,
					reply_to: null,
					source: file.name,
					line: row_line
				});
			}
		});

		if (!header) throw new Error(`${file.name} is empty: no WeChatMsg CSV header row.`);
		return {
			format: wechatCsv.id,
			capabilities: { reply_ids: false, likes: false, stable_ids: true, timezone_aware: true },
			...rejectBadByteRows(messages, rejected, decoded.bad_bytes),
			rows_in_file: messages.length + rejected.length
		};
	}
};

function messageKind(type: number, subtype: number): string | null {
	if (TEXT_TYPES.has(type)) return 'text';
	if (STICKER_TYPES.has(type)) return 'sticker';
	if (SYSTEM_TYPES.has(type)) return 'system';
	if (MEDIA_TYPES.has(type)) return 'media';
	// Links, files, merged forwards, mini programs and transfers are shared items, not written text.
	if (type === APP_MESSAGE) return subtype === QUOTE_REPLY_SUBTYPE ? 'text' : 'media';
	return null;
}
