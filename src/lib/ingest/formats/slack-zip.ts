import { unzipSync } from 'fflate';
import type { CanonicalMessage, ParsedExport, RejectedRow } from '../canonical-message';
import { decodeText, type DecodedText } from '../text/decode-text';
import { wallClock } from '../time/wall-clock';
import type { ExportFile, FormatAdapter, ParseOptions } from './format-adapter';
import { jsonItemLines } from './json-item-lines';
import { MAX_MESSAGE_DEPTH, nestedDeeperThan } from './nested-deeper-than';
import { parseExportJson } from './parse-export-json';
import { reactionTotal } from './reaction-total';
import { plausibleEpochMs } from './plausible-epoch-ms';
import { rejectBadByteRows } from './reject-bad-byte-rows';
import { unzipExport } from './unzip-export';
import { isJsonObject, type JsonObject } from './json-object';


const ROOT_FILE = /^(?:([^/]+)\/)?(?:channels|users)\.json$/;
const DAY_FILE = /^([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;
const TS = /^\d+(?:\.\d+)?$/;
// Subtypes that are still a person talking; every other subtype (joins, topics, bots, pins, …) is `system`.
const PERSON_SUBTYPES = new Set(['thread_broadcast', 'reply_broadcast', 'file_share', 'me_message']);
// Exports before 2019 wrote file uploads as generated text: "<@U123|name> uploaded a file: <url|title>".
const GENERATED_FILE_TEXT = /^<@[^>]+> (?:uploaded|shared) a file: <[^>]*>(?: and commented: ([\s\S]*))?$/;
const SPECIAL_MENTIONS = new Map([
	['here', '@here'],
	['channel', '@channel'],
	['everyone', '@everyone']
]);

/** Slack workspace export (`.zip` with `users.json`, `channels.json` and `<channel>/YYYY-MM-DD.json` day files). */
export const slackZip: FormatAdapter = {
	id: 'slack-zip',
	label: 'Slack workspace export (ZIP)',

	detect(file: ExportFile): boolean {
		if (!isZip(file.bytes)) return false;
		const names: string[] = [];
		unzipSync(file.bytes, {
			filter: (entry) => {
				names.push(entry.name);
				return false;
			}
		});
		const root = exportRoot(names);
		return root !== null && names.some((name) => name.startsWith(root) && DAY_FILE.test(name.slice(root.length)));
	},

	parse(file: ExportFile, options: ParseOptions): ParsedExport {
		if (!isZip(file.bytes)) throw new Error(`${file.name} is not a zip archive; a Slack export is the .zip Slack lets you download.`);
		const entries = unzipExport(file, (name) => name.endsWith('.json') && !name.startsWith('__MACOSX/'));
		options.onUnpacked?.();
		const root = exportRoot(Object.keys(entries));
		if (root === null) throw new Error(`${file.name} is not a Slack workspace export: it has no channels.json or users.json.`);
		const users = userNames(entries[`${root}users.json`]);
		const day_files = Object.keys(entries)
			.filter((name) => name.startsWith(root) && DAY_FILE.test(name.slice(root.length)))
			.sort((a, b) => (a < b ? -1 : 1));
		const messages: CanonicalMessage[] = [];
		const rejected: RejectedRow[] = [];
		const ids_seen = new Set<string>();
		let has_threads = false;

		for (const path of day_files) {
			const channel = DAY_FILE.exec(path.slice(root.length))![1];
			const source = `${file.name} / #${channel}`;
			let day: unknown;
			let decoded: DecodedText;
			try {
				decoded = decodeText(entries[path]);
				day = parseExportJson(decoded.text);
			} catch {
				rejected.push({ line: 1, reason: `${path}: not valid JSON; none of its messages could be read` });
				continue;
			}
			if (!Array.isArray(day)) {
				rejected.push({ line: 1, reason: `${path}: not a JSON list of messages; none of its messages could be read` });
				continue;
			}
			// Lines are those of the day file, where each message's object starts.
			const item_lines = jsonItemLines(decoded.text, /^$/).get('') ?? [];
			const day_messages: CanonicalMessage[] = [];
			const day_rejected: RejectedRow[] = [];
			day.forEach((value: unknown, index) => {
				const reject = (reason: string) => day_rejected.push({ line: item_lines[index] ?? 1, reason: `${path}, message ${index + 1}: ${reason}` });
				if (!isJsonObject(value)) return reject('not a message object');
				if (nestedDeeperThan(value, MAX_MESSAGE_DEPTH)) return reject(`nested more than ${MAX_MESSAGE_DEPTH} levels deep (damaged or not an export)`);
				const ts = typeof value.ts === 'number' ? String(value.ts) : value.ts;
				if (typeof ts !== 'string' || !TS.test(ts) || !plausibleEpochMs(epochMs(ts))) {
					return reject(`no readable "ts" (found ${JSON.stringify(value.ts ?? null)})`);
				}
				const message_id = `${channel}:${ts}`;
				if (ids_seen.has(message_id)) return reject(`ts ${ts} appears earlier in #${channel}`);
				const subtype = typeof value.subtype === 'string' ? value.subtype : null;
				const is_system = subtype !== null && !PERSON_SUBTYPES.has(subtype);
				const author = authorOf(value, users);
				if (!author && !is_system) return reject('no "user" or "bot_id"');
				const reactions = reactionCounts(value.reactions);
				if (reactions === null) return reject('unreadable "reactions" (each needs a numeric "count" or a "users" list)');
				const total = reactionTotal(reactions);
				if ('problem' in total) return reject(total.problem);
				const { likes } = total;

				ids_seen.add(message_id);
				const raw_text = typeof value.text === 'string' ? value.text : '';
				const generated = subtype === 'file_share' ? GENERATED_FILE_TEXT.exec(raw_text) : null;
				const text = plainText(generated ? (generated[1] ?? initialComment(value)) : raw_text, users);
				const thread_ts = typeof value.thread_ts === 'string' ? value.thread_ts : null;
				if (thread_ts) has_threads = true;
				day_messages.push({
					message_id,
					sent_at: wallClock(epochMs(ts), options.time_zone),
					author_id: author?.id ?? 'system',
					author_name: author?.name ?? 'Slack',
					role: null,
					text,
					kind: is_system ? 'system' : subtype === 'file_share' && text.trim() === '' ? 'media' : 'text',
					likes,
					reply_to: thread_ts && thread_ts !== ts ? `${channel}:${thread_ts}` : null,
					source,
					line: item_lines[index]
				});
			});
			const day_rows = rejectBadByteRows(day_messages, day_rejected, decoded.bad_bytes);
			for (const message of day_rows.messages) messages.push(message);
			for (const row of day_rows.rejected) rejected.push(row);
		}

		return {
			format: slackZip.id,
			// Threads arrived in 2017; an export without any thread_ts has no reply structure to offer.
			capabilities: { reply_ids: has_threads, likes: true, stable_ids: true, timezone_aware: true },
			messages,
			rejected,
			rows_in_file: messages.length + rejected.length
		};
	}
};

/** `ts` is epoch seconds with microseconds; read as text so no float rounding moves a message across a second. */
function epochMs(ts: string): number {
	const [seconds, fraction = ''] = ts.split('.');
	return Number(seconds) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3));
}

function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}


/** The folder prefix ('' or 'Export Name/') that holds channels.json / users.json, or null. */
function exportRoot(names: string[]): string | null {
	for (const name of names) {
		if (name.startsWith('__MACOSX/')) continue;
		const match = ROOT_FILE.exec(name);
		if (match) return match[1] ? `${match[1]}/` : '';
	}
	return null;
}

function userNames(bytes: Uint8Array | undefined): Map<string, string> {
	const names = new Map<string, string>();
	if (!bytes) return names;
	let users: unknown;
	try {
		users = parseExportJson(decodeText(bytes).text);
	} catch {
		return names;
	}
	if (!Array.isArray(users)) return names;
	for (const user of users) {
		if (!isJsonObject(user) || typeof user.id !== 'string') continue;
		const profile = isJsonObject(user.profile) ? user.profile : {};
		const name = firstText(profile.display_name, profile.real_name, user.real_name, user.name);
		if (name) names.set(user.id, name);
	}
	return names;
}

function firstText(...values: unknown[]): string | null {
	for (const value of values) if (typeof value === 'string' && value.trim() !== '') return value;
	return null;
}

function authorOf(message: JsonObject, users: Map<string, string>): { id: string; name: string } | null {
	const comment = isJsonObject(message.comment) ? message.comment : {};
	const id = firstText(message.user, message.bot_id, comment.user);
	if (!id) return null;
	const profile = isJsonObject(message.user_profile) ? message.user_profile : {};
	const bot = isJsonObject(message.bot_profile) ? message.bot_profile : {};
	const name = users.get(id) ?? firstText(profile.display_name, profile.real_name, message.username, bot.name) ?? id;
	return { id, name };
}

function initialComment(message: JsonObject): string {
	const file = isJsonObject(message.file) ? message.file : {};
	const comment = isJsonObject(file.initial_comment) ? file.initial_comment : {};
	return typeof comment.comment === 'string' ? comment.comment : '';
}

/** The count of each reaction (its `count`, or how many `users` it lists); null when the list is unreadable. */
function reactionCounts(value: unknown): number[] | null {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) return null;
	const counts: number[] = [];
	for (const reaction of value) {
		if (!isJsonObject(reaction)) return null;
		const count = typeof reaction.count === 'number' ? reaction.count : Array.isArray(reaction.users) ? reaction.users.length : null;
		if (count === null) return null;
		counts.push(count);
	}
	return counts;
}

/** Slack mrkdwn to what a reader sees: `<@U1>` → `@name` (so mention-based reply inference works), links → label. */
function plainText(text: string, users: Map<string, string>): string {
	return text
		.replace(/<([@#!])([^>|]+)(?:\|([^>]*))?>/g, (_, sigil: string, id: string, label: string | undefined) => {
			if (sigil === '@') return `@${users.get(id) ?? label ?? id}`;
			if (sigil === '#') return `#${label ?? id}`;
			return SPECIAL_MENTIONS.get(id) ?? label ?? `@${id}`;
		})
		.replace(/<([^>|]+)\|([^>]*)>/g, '$2')
		.replace(/<([^>]+)>/g, '$1')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}
