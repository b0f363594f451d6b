import { unzipSync } from 'fflate';
import type { CanonicalMessage, ParsedExport, RejectedRow } from '../canonical-message';
import { decodeText } from '../decode-text';
import { decodePrefix } from './decode-prefix';
import type { ExportFile, FormatAdapter, ParseOptions } from './format-adapter';
import { naiveTimestamp } from './naive-timestamp';
import { rejectBadByteRows } from './reject-bad-byte-rows';
import { unzipExport } from './unzip-export';
import { zipEntryHead } from './zip-entry-head';

const DATE = String.raw`(\d{1,4})([./-]) ?(\d{1,2})\2 ?(\d{1,4})\.?`;
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?: ?([AaPp])\.? ?[Mm]\.?)?`;
// iOS: `[date, time] rest`; Android: `date, time - rest` (en dash on some builds, `klo` in Finnish).
// `s`: a name or text may hold U+2028/U+2029, which `.` skips otherwise (lines are already split at CR/LF).
const BRACKETED = new RegExp(String.raw`^[\u200e\u200f]*\[${DATE},? (?:klo )?${TIME}\] (.*)$`, 's');
const DASHED = new RegExp(String.raw`^[\u200e\u200f]*${DATE},? (?:klo )?${TIME} [-–] (.*)$`, 's');
const FIELD = { date_1: 1, separator: 2, date_2: 3, date_3: 4, hour: 5, minute: 6, seconds: 7, meridiem: 8, rest: 9 } as const;

const DIRECTION_MARKS = /[\u200e\u200f]/g;
// U+202A/U+202C wrap unknown phone numbers; U+202F and NBSP stand before AM/PM and after `~` in iOS names.
const LAYOUT_MARKS = /[\u202a\u202c\u2066-\u2069]/g;
const WIDE_SPACES = /[\u00a0\u202f]/g;

const MEDIA_OMITTED = /^(?:image|video|audio|gif|document|contact card) omitted$|\sdocument omitted$/i;
const STICKER_OMITTED = /^sticker omitted$/i;
const ATTACHED = /^<attached: ([^>]+)>$/i;
const FILE_ATTACHED = /^(\S[^\n]*) \(file attached\)$/i;
// Android writes `<Media omitted>` in the phone's language; every translation is one bracketed phrase.
const OMITTED_ANY_LANGUAGE = /^<[^<>:/\n]{2,60}>$/;
// iOS call records (`Missed voice call`); trusted only after iOS's U+200E mark, so "Video call at 5?" stays text.
const CALL = /^(?:missed )?(?:group )?(?:voice|video) call\b/i;
const DELETED = /^(?:this message was deleted(?: by [^.\n]+)?|you deleted this message(?: as admin)?)\.?$/i;
const EDITED_MARK = /\s*<this message was edited>$/i;
const ENCRYPTION_NOTICE = /^(?:messages|messages and calls|messages you send|your messages)\b.*\bend-to-end encrypt/i;

interface OpenMessage {
	header_line: number;
	rejected_reason: string | null;
	sent_at: string;
	name: string | null;
	body_raw: string;
	lines: string[];
}

/** WhatsApp "Export chat" `.txt`, or the `.zip` holding `_chat.txt`; Android and iOS layouts, any date order. */
export const whatsapp: FormatAdapter = {
	id: 'whatsapp',
	label: 'WhatsApp chat export (TXT or ZIP)',

	detect(file: ExportFile): boolean {
		let text: string;
		if (isZip(file.bytes)) {
			try {
				text = decodePrefix(chatHeadInZip(file));
			} catch {
				return false;
			}
		} else {
			text = decodePrefix(file.bytes);
		}
		const lines = text
			.replace(/^\uFEFF/, '')
			.split(/\r\n|\n|\r/)
			.filter((line) => line.trim() !== '')
			.slice(0, 10);
		return lines.some((line) => headerMatch(normalizeSpaces(line)) !== null);
	},

	parse(file: ExportFile, options: ParseOptions): ParsedExport {
		if (/\.zip$/i.test(file.name) && !isZip(file.bytes)) {
			throw new Error(`${file.name} is damaged (it no longer starts as a zip archive does): re-export or re-download it.`);
		}
		const chat = isZip(file.bytes) ? chatTextInZip(file) : file;
		if (chat !== file) options.onUnpacked?.();
		const decoded = decodeText(chat.bytes);
		const lines = decoded.text
			.replace(/^\uFEFF/, '')
			.split(/\r\n|\n|\r/)
			.map(normalizeSpaces);

		// An export uses one date layout throughout; a line in another layout is quoted or pasted text.
		const shapes = new Map<string, { header_indexes: number[]; dates: Set<string> }>();
		lines.forEach((line, index) => {
			const match = headerMatch(line);
			if (!match) return;
			const shape = shapeOf(match);
			const seen = shapes.get(shape) ?? { header_indexes: [], dates: new Set<string>() };
			seen.header_indexes.push(index);
			seen.dates.add(`${match[FIELD.date_1]}/${match[FIELD.date_2]}/${match[FIELD.date_3]}`);
			shapes.set(shape, seen);
		});
		if (shapes.size === 0) {
			throw new Error(`${file.name} is not a WhatsApp chat export: no "date, time - name: text" lines found.`);
		}
		const { header_indexes, dates } = [...shapes.values()].sort((a, b) => b.header_indexes.length - a.header_indexes.length)[0];
		const order = dateOrder([...dates]);

		const messages: CanonicalMessage[] = [];
		const rejected: RejectedRow[] = [];
		let open: OpenMessage | null = null;
		const close = () => {
			if (!open) return;
			if (open.rejected_reason) rejected.push({ line: open.header_line, reason: open.rejected_reason });
			else messages.push(toMessage(open, file.name));
			open = null;
		};
		let next_header = 0;
		for (let index = 0; index < lines.length; index++) {
			if (header_indexes[next_header] === index) {
				next_header++;
				close();
				open = openMessage(headerMatch(lines[index])!, index + 1, order);
			} else if (open) {
				open.lines.push(lines[index]);
			} else if (lines[index].trim() !== '') {
				rejected.push({ line: index + 1, reason: 'text before the first message: no "date, time - name:" line above it' });
			}
		}
		close();

		const rows = rejectBadByteRows(messages, rejected, decoded.bad_bytes);
		return {
			format: whatsapp.id,
			capabilities: { reply_ids: false, likes: false, stable_ids: false, timezone_aware: false },
			...rows,
			rows_in_file: messages.length + rejected.length
		};
	}
};

function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function chatTextInZip(file: ExportFile): ExportFile {
	const entries = unzipExport(file, (name) => /\.txt$/i.test(name));
	const chosen = chatEntryName(file, Object.keys(entries));
	return { name: chosen, bytes: entries[chosen] };
}

/** The first 8 KB of the chat text, for detection; the import unpacks (and checks) the whole entry. */
function chatHeadInZip(file: ExportFile): Uint8Array {
	const names: string[] = [];
	unzipSync(file.bytes, {
		filter: (entry) => {
			if (/\.txt$/i.test(entry.name)) names.push(entry.name);
			return false;
		}
	});
	return zipEntryHead(file.bytes, chatEntryName(file, names), 8192);
}

function chatEntryName(file: ExportFile, names: string[]): string {
	const base = (name: string) => name.slice(name.lastIndexOf('/') + 1);
	const chosen =
		names.find((name) => base(name) === '_chat.txt') ??
		names.filter((name) => /chat|whatsapp/i.test(base(name))).sort((a, b) => a.length - b.length)[0] ??
		(names.length === 1 ? names[0] : undefined);
	if (!chosen) throw new Error(`${file.name} holds no WhatsApp chat text (_chat.txt or "WhatsApp Chat with ….txt").`);
	return chosen;
}

function normalizeSpaces(line: string): string {
	return line.replace(LAYOUT_MARKS, '').replace(WIDE_SPACES, ' ');
}

function headerMatch(line: string): RegExpExecArray | null {
	return BRACKETED.exec(line) ?? DASHED.exec(line);
}

function shapeOf(match: RegExpExecArray): string {
	const layout = match[0].replace(DIRECTION_MARKS, '').startsWith('[') ? 'bracketed' : 'dashed';
	const year_first = match[FIELD.date_1].length === 4;
	const year = year_first ? match[FIELD.date_1] : match[FIELD.date_3];
	return `${layout} ${match[FIELD.separator]} ${year_first ? 'year-first' : 'year-last'} ${year.length}`;
}

type DateOrder = 'year-month-day' | 'day-month-year' | 'month-day-year';

/**
 * Which of the two short date fields is the day, decided over the whole file: a field above 12 decides;
 * otherwise a field that goes down within one year is the day (months only go up); otherwise the field
 * that changes more; otherwise day first. The same steps as whatsapp-chat-parser's `daysBeforeMonths`.
 * `written_dates` are the distinct `a/b/c` dates in order of first appearance.
 */
function dateOrder(written_dates: string[]): DateOrder {
	if (written_dates[0].split('/')[0].length === 4) return 'year-month-day';
	const dates = written_dates.map((date) => date.split('/').map(Number));
	const first_above_12 = dates.filter(([first]) => first > 12).length;
	const second_above_12 = dates.filter(([, second]) => second > 12).length;
	if (first_above_12 > 0 || second_above_12 > 0) return first_above_12 >= second_above_12 ? 'day-month-year' : 'month-day-year';

	const by_year = new Map<number, number[][]>();
	for (const date of dates) {
		const year = by_year.get(date[2]);
		if (year) year.push(date);
		else by_year.set(date[2], [date]);
	}
	const goes_down = (field: 0 | 1) =>
		[...by_year.values()].some((year) => year.some((date, index) => index > 0 && date[field] < year[index - 1][field]));
	if (goes_down(0)) return 'day-month-year';
	if (goes_down(1)) return 'month-day-year';

	let first_change = 0;
	let second_change = 0;
	for (let index = 1; index < dates.length; index++) {
		first_change += Math.abs(dates[index][0] - dates[index - 1][0]);
		second_change += Math.abs(dates[index][1] - dates[index - 1][1]);
	}
	return second_change > first_change ? 'month-day-year' : 'day-month-year';
}

function openMessage(match: RegExpExecArray, header_line: number, order: DateOrder): OpenMessage {
	const open: OpenMessage = { header_line, rejected_reason: null, sent_at: '', name: null, body_raw: '', lines: [] };
	const a = Number(match[FIELD.date_1]);
	const b = Number(match[FIELD.date_2]);
	const c = Number(match[FIELD.date_3]);
	const [year, month, day] = order === 'year-month-day' ? [a, b, c] : order === 'day-month-year' ? [c, b, a] : [c, a, b];
	const meridiem = match[FIELD.meridiem];
	let hour = Number(match[FIELD.hour]);
	if (meridiem) {
		if (hour < 1 || hour > 12) {
			open.rejected_reason = `"${writtenTime(match)}" is not a valid time: hour ${hour} with ${meridiem.toUpperCase()}M`;
			return open;
		}
		hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
	}
	const full_year = match[FIELD.date_3].length === 2 && order !== 'year-month-day' ? 2000 + year : year;
	const sent_at = naiveTimestamp(full_year, month, day, hour, Number(match[FIELD.minute]), Number(match[FIELD.seconds] ?? 0));
	if (!sent_at) {
		open.rejected_reason = `"${writtenTime(match)}" is not a valid date and time (read as ${order})`;
		return open;
	}
	open.sent_at = sent_at;
	const rest = match[FIELD.rest];
	const author = /^(.+?):(?: |$)/s.exec(rest);
	// A quoted group subject can hold ": " (`X changed the subject to "A: B"`); no author name is quoted like that.
	if (author && !/["“”]/.test(author[1])) {
		open.name = author[1].replace(DIRECTION_MARKS, '').trim();
		open.body_raw = rest.slice(author[0].length);
	} else {
		open.body_raw = rest;
	}
	return open;
}

function writtenTime(match: RegExpExecArray): string {
	return match[0].slice(0, match[0].length - match[FIELD.rest].length).replace(/^[\u200e\u200f[]+|[\]\s\-–]+$/g, '');
}

function toMessage(open: OpenMessage, source: string): CanonicalMessage {
	const text = [open.body_raw, ...open.lines].join('\n').replace(DIRECTION_MARKS, '').replace(EDITED_MARK, '').trim();
	let author: string | null = open.name;
	let kind = 'text';
	const attached = ATTACHED.exec(text) ?? FILE_ATTACHED.exec(text);
	const marked = /^[\u200e\u200f]/.test(open.body_raw);
	if (author === null) {
		kind = 'system';
	} else if (STICKER_OMITTED.test(text) || (attached && /STICKER|^STK-/i.test(attached[1]))) {
		kind = 'sticker';
	} else if (MEDIA_OMITTED.test(text) || attached || OMITTED_ANY_LANGUAGE.test(text) || (marked && CALL.test(text))) {
		kind = 'media';
	} else if (DELETED.test(text)) {
		kind = 'system';
	} else if (marked || ENCRYPTION_NOTICE.test(text)) {
		// iOS writes group notices under the group's name, marked with U+200E; the group is not a member.
		kind = 'system';
		author = null;
	}
	return {
		message_id: null,
		sent_at: open.sent_at,
		author_id: author ?? 'system',
		author_name: author ?? 'system',
		role: null,
		text,
		kind,
		likes: null,
		reply_to: null,
		source,
		line: open.header_line
	};
}
