import type { CanonicalMessage, ParsedBatch, ParsedExport, RejectedRow } from '../canonical-message';
import { decodeText, type BadByte } from '../text/decode-text';
import { decodeTextStream } from '../text/decode-text-stream';
import { decodePrefix } from './decode-prefix';
import type { ExportFile, FormatAdapter, ParseOptions, StreamedExportFile } from './format-adapter';
import { naiveTimestamp } from './naive-timestamp';
import { BATCH_MESSAGES, parsedExportBatches } from './parsed-export-batches';
import { rejectBadByteRows } from './reject-bad-byte-rows';
import { StreamedBadByteRows } from './streamed-bad-byte-rows';
import { MAX_ENTRY_BYTES, unzipExport } from './unzip-export';
import { zipEntries, zipEntryChunks, type ZipEntry } from './zip-entry-chunks';

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
		if (/\.zip$/i.test(file.name) && !isZip(file.bytes)) throw new Error(notAZip(file.name));
		const chat = isZip(file.bytes) ? chatTextInZip(file) : file;
		if (chat !== file) options.onUnpacked?.();
		const decoded = decodeText(chat.bytes);
		const lines = decoded.text
			.replace(/^\uFEFF/, '')
			.split(/\r\n|\n|\r/)
			.map(normalizeSpaces);
		const layout = new LayoutVote();
		for (const line of lines) layout.add(line);
		const messages: CanonicalMessage[] = [];
		const rejected: RejectedRow[] = [];
		const reader = new MessageReader(layout.decide(file.name), file.name, (message) => messages.push(message), (row) => rejected.push(row));
		lines.forEach((line, index) => reader.add(line, index + 1));
		reader.finish();

		const rows = rejectBadByteRows(messages, rejected, decoded.bad_bytes);
		return { format: whatsapp.id, capabilities: CAPABILITIES, ...rows, rows_in_file: messages.length + rejected.length };
	},

	/**
	 * Reads the chat twice, a piece at a time: once to decide the date layout and order (over the whole file, as
	 * `parse` does), once to read the messages. A zip is read whole (it is the compressed size), its chat inflated
	 * a piece at a time on each pass.
	 */
	async *parseStream(file: StreamedExportFile, options: ParseOptions): AsyncGenerator<ParsedBatch> {
		let head: number[] = [];
		for await (const chunk of file.chunks()) {
			head = [...head, ...chunk.subarray(0, 4 - head.length)];
			if (head.length === 4) break;
		}
		if (/\.zip$/i.test(file.name) && !isZip(head)) throw new Error(notAZip(file.name));
		let chatChunks = () => file.chunks();
		if (isZip(head)) {
			const zip = { name: file.name, bytes: await file.readAll() };
			const entry = chatEntryInZip(zip);
			// A directory this reader cannot follow: `parse` says what is wrong with the zip.
			if (!entry) return yield* parsedExportBatches(whatsapp.parse(zip, options));
			chatChunks = async function* () {
				yield* zipEntryChunks(zip, entry);
			};
		}
		const layout = new LayoutVote();
		for await (const lines of textLines(chatChunks())) for (const line of lines.lines) layout.add(line);
		const decided = layout.decide(file.name);

		const bad_bytes = new StreamedBadByteRows();
		let open_line: number | null = null;
		let rows = 0;
		const reader = new MessageReader(
			decided,
			file.name,
			(message) => {
				rows++;
				bad_bytes.addRow(message.line!, message);
			},
			(row) => {
				rows++;
				bad_bytes.addRow(row.line, null, row);
			},
			(line) => (open_line = line)
		);
		let batch: ParsedBatch = { messages: [], rejected: [] };
		let line_number = 0;
		for await (const piece of textLines(chatChunks())) {
			bad_bytes.addBadBytes(piece.bad_bytes);
			for (const line of piece.lines) reader.add(line, ++line_number);
			const released = bad_bytes.release(open_line ?? line_number + 1);
			for (const message of released.messages) batch.messages.push(message);
			for (const row of released.rejected) batch.rejected.push(row);
			if (batch.messages.length >= BATCH_MESSAGES) {
				yield batch;
				batch = { messages: [], rejected: [] };
			}
		}
		reader.finish();
		const rest = bad_bytes.finish();
		yield {
			messages: [...batch.messages, ...rest.messages],
			rejected: [...batch.rejected, ...rest.rejected],
			end: { format: whatsapp.id, capabilities: CAPABILITIES, rows_in_file: rows }
		};
	}
};

// More than decodePrefix's 4096 bytes, so it cuts them where it would cut the whole chat.
const DETECT_BYTES = 8192;
const CAPABILITIES = { reply_ids: false, likes: false, stable_ids: false, timezone_aware: false };

function notAZip(name: string): string {
	return `${name} is damaged (it no longer starts as a zip archive does): re-export or re-download it.`;
}

/** An export uses one date layout throughout; a line in another layout is quoted or pasted text. */
class LayoutVote {
	private readonly shapes = new Map<string, { headers: number; dates: Set<string> }>();

	add(line: string): void {
		const match = headerMatch(line);
		if (!match) return;
		const shape = shapeOf(match);
		const seen = this.shapes.get(shape) ?? { headers: 0, dates: new Set<string>() };
		seen.headers++;
		seen.dates.add(`${match[FIELD.date_1]}/${match[FIELD.date_2]}/${match[FIELD.date_3]}`);
		this.shapes.set(shape, seen);
	}

	/** The layout most header lines have (the first seen of a tie) and the date order its dates imply. */
	decide(file_name: string): { shape: string; order: DateOrder } {
		if (this.shapes.size === 0) throw new Error(`${file_name} is not a WhatsApp chat export: no "date, time - name: text" lines found.`);
		const [shape, { dates }] = [...this.shapes].sort((a, b) => b[1].headers - a[1].headers)[0];
		return { shape, order: dateOrder([...dates]) };
	}
}

/** Turns the lines of a chat, in order, into messages and rejected rows: a header line opens a message, other lines continue it. */
class MessageReader {
	private open: OpenMessage | null = null;

	constructor(
		private readonly layout: { shape: string; order: DateOrder },
		private readonly source: string,
		private readonly onMessage: (message: CanonicalMessage) => void,
		private readonly onRejected: (row: RejectedRow) => void,
		private readonly onOpen: (header_line: number | null) => void = () => {}
	) {}

	add(line: string, line_number: number): void {
		const match = headerMatch(line);
		if (match && shapeOf(match) === this.layout.shape) {
			this.finish();
			this.open = openMessage(match, line_number, this.layout.order);
			this.onOpen(line_number);
		} else if (this.open) {
			this.open.lines.push(line);
		} else if (line.trim() !== '') {
			this.onRejected({ line: line_number, reason: 'text before the first message: no "date, time - name:" line above it' });
		}
	}

	/** Closes the open message. */
	finish(): void {
		const open = this.open;
		if (!open) return;
		this.open = null;
		this.onOpen(null);
		if (open.rejected_reason) this.onRejected({ line: open.header_line, reason: open.rejected_reason });
		else this.onMessage(toMessage(open, this.source));
	}
}

/** The lines of a chat file (normalized as `parse` reads them), a decoded piece at a time, with the piece's bad bytes. */
async function* textLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<{ lines: string[]; bad_bytes: BadByte[] }> {
	let carry = '';
	let first = true;
	for await (const piece of decodeTextStream(chunks)) {
		let text = carry + (first ? piece.text.replace(/^\uFEFF/, '') : piece.text);
		first = false;
		// A CR at the end may be the first half of a CRLF.
		const cut = text.endsWith('\r') ? text.length - 1 : text.length;
		const lines = text.slice(0, cut).split(/\r\n|\n|\r/);
		carry = lines.pop()! + text.slice(cut);
		text = '';
		yield { lines: lines.map(normalizeSpaces), bad_bytes: piece.bad_bytes };
	}
	yield { lines: carry.split(/\r\n|\n|\r/).map(normalizeSpaces), bad_bytes: [] };
}

function isZip(bytes: ArrayLike<number>): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function chatTextInZip(file: ExportFile): ExportFile {
	const entries = unzipExport(file, (name) => /\.txt$/i.test(name));
	const chosen = chosenChat(Object.keys(entries));
	if (!chosen) throw new Error(noChatInZip(file.name));
	return { name: chosen, bytes: entries[chosen] };
}

/**
 * Enough of the chat in a zip for `decodePrefix` to read its head as it would read the whole chat; a chat that
 * `unzipExport` would refuse, or a directory this reader cannot follow, is unpacked whole (and refused) instead.
 */
function chatHeadInZip(file: ExportFile): Uint8Array {
	const entry = chatEntryInZip(file);
	if (!entry || entry.size_bytes > MAX_ENTRY_BYTES) return chatTextInZip(file).bytes;
	const head: number[] = [];
	for (const chunk of zipEntryChunks(file, entry)) {
		head.push(...chunk.subarray(0, DETECT_BYTES - head.length));
		if (head.length >= DETECT_BYTES) break;
	}
	return Uint8Array.from(head);
}

/** The chat entry of a zip, or null when its directory is not one this reader follows (then `parse` says why). */
function chatEntryInZip(file: ExportFile): ZipEntry | null {
	const entries = zipEntries(file.bytes)?.filter((entry) => /\.txt$/i.test(entry.name));
	if (!entries) return null;
	const chosen = chosenChat(entries.map((entry) => entry.name));
	if (!chosen) throw new Error(noChatInZip(file.name));
	return entries.find((entry) => entry.name === chosen)!;
}

function chosenChat(names: string[]): string | undefined {
	const base = (name: string) => name.slice(name.lastIndexOf('/') + 1);
	return (
		names.find((name) => base(name) === '_chat.txt') ??
		names.filter((name) => /chat|whatsapp/i.test(base(name))).sort((a, b) => a.length - b.length)[0] ??
		(names.length === 1 ? names[0] : undefined)
	);
}

function noChatInZip(name: string): string {
	return `${name} holds no WhatsApp chat text (_chat.txt or "WhatsApp Chat with ….txt").`;
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
