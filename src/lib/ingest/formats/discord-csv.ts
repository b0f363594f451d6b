import type { CanonicalMessage, ParsedExport, RejectedRow } from '../canonical-message';
import { decodeText } from '../text/decode-text';
import { wallClock } from '../time/wall-clock';
import { decodePrefix } from './decode-prefix';
import type { ExportFile, FormatAdapter, ParseOptions } from './format-adapter';
import { isoInstant } from './iso-instant';
import { naiveTimestamp } from './naive-timestamp';
import { plausibleEpochMs } from './plausible-epoch-ms';
import { reactionTotal } from './reaction-total';
import { rejectBadByteRows } from './reject-bad-byte-rows';

const HEADER = ['AuthorID', 'Author', 'Date', 'Content', 'Attachments', 'Reactions'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*$/i;
const MERIDIEM = /(?<=^|\s|\d)(a\.?\s?m\.?|p\.?\s?m\.?|上午|下午|午前|午後|오전|오후)(?=\s|\d|$)/i;
const TIME = /(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?/;
// DCE writes these fallback texts in place of the content of Discord's system notifications (kinds 1–18).
const SYSTEM_CONTENT = [
	/^Added .+ to the group\.$/,
	/^Added a recipient\.$/,
	/^Removed .+ from the group\.$/,
	/^Removed a recipient\.$/,
	/^Left the group\.$/,
	/^Started a call that lasted [\d,]+ minutes\.$/,
	/^Changed the channel name(?:: .*|\.)$/,
	/^Changed the channel icon\.$/,
	/^Pinned a message\.$/,
	/^Started a thread\.$/,
	/^Joined the server\.$/
];
const SYSTEM_START = /^(?:Added|Removed|Left|Started|Changed|Pinned|Joined) /;

interface CsvRecord {
	line: number;
	fields: string[];
	error: string | null;
}

/** A `Date` cell read on its own; numeric day/month orders are settled over the whole file. */
type CellDate =
	| { type: 'instant'; epoch_ms: number }
	| { type: 'naive'; parts: number[] }
	| { type: 'ambiguous'; first: number; second: number; year: number; clock: number[]; twelve_hour: boolean }
	| { type: 'error'; reason: string };

/**
 * DiscordChatExporter CSV (`AuthorID,Author,Date,Content,Attachments,Reactions`). Its dates come in three
 * generations: ISO `o` with offset (≥ 2.42.3), the culture's short `g` pattern, and the old `--dateformat`.
 */
export const discordCsv: FormatAdapter = {
	id: 'discord-csv',
	label: 'Discord channel (DiscordChatExporter CSV)',

	detect(file: ExportFile): boolean {
		const first_line = decodePrefix(file.bytes, 512).replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0];
		return first_line.replace(/"/g, '') === HEADER.join(',');
	},

	parse(file: ExportFile, options: ParseOptions): ParsedExport {
		const decoded = decodeText(file.bytes);
		const records = csvRecords(decoded.text.replace(/^\uFEFF/, ''));
		const header = records.shift();
		if (!header || header.error || header.fields.join(',') !== HEADER.join(',')) {
			throw new Error(`${file.name} is not a DiscordChatExporter CSV: its first line is not ${HEADER.join(',')}.`);
		}
		const rejected: RejectedRow[] = [];
		const rows: { record: CsvRecord; date: Exclude<CellDate, { type: 'error' }>; likes: number }[] = [];
		for (const record of records) {
			const reject = (reason: string) => rejected.push({ line: record.line, reason });
			if (record.error) {
				reject(record.error);
				continue;
			}
			if (record.fields.length !== HEADER.length) {
				reject(`expected ${HEADER.length} fields (${HEADER.join(',')}), found ${record.fields.length}`);
				continue;
			}
			const [author_id, , date_text, , , reactions] = record.fields;
			if (author_id.trim() === '') {
				reject('empty AuthorID');
				continue;
			}
			const date = cellDate(date_text);
			if (date.type === 'error') {
				reject(date.reason);
				continue;
			}
			const counts = reactionCounts(reactions);
			if (counts === null) {
				reject(`unreadable Reactions "${reactions}" (expected "name (count)" items separated by commas)`);
				continue;
			}
			const total = reactionTotal(counts);
			if ('problem' in total) {
				reject(total.problem);
				continue;
			}
			rows.push({ record, date, likes: total.likes });
		}

		const day_first = dayFirst(rows.map((row) => row.date));
		const messages: CanonicalMessage[] = [];
		let naive_times = 0;
		for (const { record, date, likes } of rows) {
			let sent_at: string | null;
			if (date.type === 'instant') {
				sent_at = wallClock(date.epoch_ms, options.time_zone);
			} else {
				const [year, month, day, ...clock] =
					date.type === 'naive'
						? date.parts
						: day_first
							? [date.year, date.second, date.first, ...date.clock]
							: [date.year, date.first, date.second, ...date.clock];
				sent_at = naiveTimestamp(year, month, day, clock[0], clock[1], clock[2]);
			}
			if (!sent_at) {
				const order = date.type === 'ambiguous' ? ` (read ${day_first ? 'day' : 'month'} first, like the rest of the file)` : '';
				rejected.push({ line: record.line, reason: `Date "${record.fields[2]}" is not a real calendar time${order}` });
				continue;
			}
			if (date.type !== 'instant') naive_times++;
			const [author_id, author, , content, attachments] = record.fields;
			messages.push({
				message_id: null,
				sent_at,
				author_id: author_id.trim(),
				author_name: author.trim() || author_id.trim(),
				role: null,
				// DCE keeps Discord's \n inside content even when it ends rows with CRLF; a re-saved file may not.
				text: content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content,
				kind: messageKind(content, attachments),
				likes,
				reply_to: null,
				source: file.name,
				line: record.line
			});
		}
		rejected.sort((a, b) => a.line - b.line);
		return {
			format: discordCsv.id,
			capabilities: { reply_ids: false, likes: true, stable_ids: true, timezone_aware: naive_times === 0 },
			...rejectBadByteRows(messages, rejected, decoded.bad_bytes),
			rows_in_file: messages.length + rejected.length
		};
	}
};

/** RFC 4180 records with the physical line each starts on; blank lines are skipped. */
function csvRecords(text: string): CsvRecord[] {
	const records: CsvRecord[] = [];
	let index = 0;
	let line = 1;
	const endOfLine = () => {
		if (text[index] === '\r') index++;
		if (text[index] === '\n') index++;
		line++;
	};
	while (index < text.length) {
		if (text[index] === '\r' || text[index] === '\n') {
			endOfLine();
			continue;
		}
		const record: CsvRecord = { line, fields: [], error: null };
		for (;;) {
			let field = '';
			if (text[index] === '"') {
				index++;
				let closed = false;
				for (;;) {
					const quote = text.indexOf('"', index);
					const chunk = text.slice(index, quote === -1 ? text.length : quote);
					field += chunk;
					line += lineBreaks(chunk);
					if (quote === -1) {
						index = text.length;
						break;
					}
					if (text[quote + 1] === '"') {
						field += '"';
						index = quote + 2;
						continue;
					}
					index = quote + 1;
					closed = true;
					break;
				}
				if (!closed) record.error ??= 'a quoted field is never closed (the rest of the file was read as one field)';
				const after = index;
				while (index < text.length && text[index] !== ',' && text[index] !== '\r' && text[index] !== '\n') index++;
				if (index > after) record.error ??= `unexpected text after a closing quote: "${text.slice(after, index)}"`;
			} else {
				const start = index;
				while (index < text.length && text[index] !== ',' && text[index] !== '\r' && text[index] !== '\n') index++;
				field = text.slice(start, index);
			}
			record.fields.push(field);
			if (text[index] === ',') {
				index++;
				continue;
			}
			if (index < text.length) endOfLine();
			break;
		}
		records.push(record);
	}
	return records;
}

function lineBreaks(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
	for (let index = text.indexOf('\r'); index !== -1; index = text.indexOf('\r', index + 1)) if (text[index + 1] !== '\n') count++;
	return count;
}

function cellDate(text: string): CellDate {
	const trimmed = text.trim();
	const instant = isoInstant(trimmed);
	if (instant !== null) return { type: 'instant', epoch_ms: instant };
	const unreadable: CellDate = { type: 'error', reason: `unreadable Date "${text}"` };
	if (/^\d{10}$|^\d{13}$/.test(trimmed)) {
		const epoch_ms = Number(trimmed) * (trimmed.length === 10 ? 1000 : 1);
		return plausibleEpochMs(epoch_ms) ? { type: 'instant', epoch_ms } : unreadable;
	}

	let rest = trimmed.replace(/[年月日년월일]/g, ' ');
	const meridiem = MERIDIEM.exec(rest);
	if (meridiem) rest = rest.slice(0, meridiem.index) + ' ' + rest.slice(meridiem.index + meridiem[0].length);
	const time = TIME.exec(rest);
	if (!time) return unreadable;
	rest = rest.slice(0, time.index) + ' ' + rest.slice(time.index + time[0].length);
	let hour = Number(time[1]);
	const clock_rest = [Number(time[2]), Number(time[3] ?? 0)];
	if (meridiem) {
		if (hour < 1 || hour > 12) return { type: 'error', reason: `Date "${text}": hour ${hour} with ${meridiem[1]}` };
		hour = (hour % 12) + (/^(?:p|下午|午後|오후)/i.test(meridiem[1]) ? 12 : 0);
	}
	const clock = [hour, ...clock_rest];

	const tokens = rest.split(/[\s,./-]+/).filter((token) => token !== '' && !WEEKDAYS.test(token));
	if (tokens.length !== 3) return unreadable;
	const month_at = tokens.findIndex((token) => /^[a-z]/i.test(token));
	if (month_at >= 0) {
		const month = MONTHS.indexOf(tokens[month_at].slice(0, 3).toLowerCase()) + 1;
		const numbers = tokens.filter((_, index) => index !== month_at);
		if (month === 0 || !numbers.every((token) => /^\d+$/.test(token))) return unreadable;
		const [day, year] = numbers[0].length === 4 ? [numbers[1], numbers[0]] : [numbers[0], numbers[1]];
		return { type: 'naive', parts: [fullYear(year), month, Number(day), ...clock] };
	}
	if (!tokens.every((token) => /^\d+$/.test(token))) return unreadable;
	if (tokens[0].length === 4) return { type: 'naive', parts: [Number(tokens[0]), Number(tokens[1]), Number(tokens[2]), ...clock] };
	return { type: 'ambiguous', first: Number(tokens[0]), second: Number(tokens[1]), year: fullYear(tokens[2]), clock, twelve_hour: meridiem !== null };
}

function fullYear(token: string): number {
	return token.length <= 2 ? 2000 + Number(token) : Number(token);
}

/**
 * Whether `01/02/2023`-style dates put the day first. A part above 12 decides; when none does, the order
 * under which the (chronological) export runs forward most often wins; a 12-hour clock breaks a tie as US.
 */
function dayFirst(dates: CellDate[]): boolean {
	const ambiguous = dates.filter((date) => date.type === 'ambiguous');
	const day_votes = ambiguous.filter((date) => date.first > 12).length;
	const month_votes = ambiguous.filter((date) => date.second > 12).length;
	if (day_votes !== month_votes) return day_votes > month_votes;
	const backwards = (day_is_first: boolean) => {
		let count = 0;
		let previous = -Infinity;
		for (const date of ambiguous) {
			const [month, day] = day_is_first ? [date.second, date.first] : [date.first, date.second];
			const key = ((date.year * 100 + month) * 100 + day) * 10_000 + date.clock[0] * 100 + date.clock[1];
			if (key < previous) count++;
			previous = key;
		}
		return count;
	};
	const day_backwards = backwards(true);
	const month_backwards = backwards(false);
	if (day_backwards !== month_backwards) return day_backwards < month_backwards;
	return !ambiguous.some((date) => date.twelve_hour);
}

/** The counts in `❤ (2),paul (3)`; none for an empty cell; null when the cell does not read that way. */
function reactionCounts(cell: string): number[] | null {
	if (cell.trim() === '') return [];
	const item = /(.+?) \((\d+)\)(?:,|$)/y;
	const counts: number[] = [];
	item.lastIndex = 0;
	while (item.lastIndex < cell.length) {
		const match = item.exec(cell);
		if (!match) return null;
		counts.push(Number(match[2]));
	}
	return counts;
}

function messageKind(content: string, attachments: string): string {
	const trimmed = content.trim();
	if (SYSTEM_START.test(trimmed) && SYSTEM_CONTENT.some((pattern) => pattern.test(trimmed))) return 'system';
	if (trimmed === '' && attachments.trim() !== '') return 'media';
	return 'text';
}
