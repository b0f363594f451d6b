import { unzipSync } from 'fflate';
import type { CanonicalMessage, MemberHint, ParsedExport, RejectedRow } from '../canonical-message';
import { decodeText } from '../text/decode-text';
import { decodePrefix } from './decode-prefix';
import type { ExportFile, FormatAdapter, ParseOptions } from './format-adapter';
import { parseExportJson } from './parse-export-json';
import { qceMessage, type QceMessageContext } from './qce-message';
import { rejectBadByteRows } from './reject-bad-byte-rows';
import { unzipExport } from './unzip-export';
import { zonedWallClock } from './zoned-wall-clock';
import type { JsonObject } from './json-object';


const MANIFEST = /(?:^|\/)manifest\.json$/;
const CHUNK = /\.jsonl$/i;
const CHUNKED_MANIFEST = /"format"\s*:\s*"chunked-jsonl"/;
// The manifest's `chunked` section follows `statistics`, which lists every sender: far past the first few KB.
const MANIFEST_HEAD_BYTES = 256 * 1024;
// The exporter serialises each message with serde in field order: `{"id":…,"seq":…,"timestamp":…,"time":…,"sender":{…`.
const CHUNK_LINE = /^\s*\{\s*"id"\s*:\s*"[^"]*"\s*,\s*"seq"\s*:[^\n]*"timestamp"\s*:/;

/**
 * QQ Chat Exporter chunked JSONL (`manifest.json` + `chunks/c000001.jsonl`, one message per line): the export's
 * zip, or its files dropped together (each chunk is read on its own; `manifest.json` holds no messages and adds none).
 */
export const qceChunkedJsonl: FormatAdapter = {
	id: 'qce-jsonl',
	label: 'QQ Chat Exporter (QCE) chunked JSONL',

	detect(file: ExportFile): boolean {
		if (isZip(file.bytes)) {
			const names: string[] = [];
			unzipSync(file.bytes, {
				filter: (entry) => {
					if (!entry.name.startsWith('__MACOSX/')) names.push(entry.name);
					return false;
				}
			});
			return names.some((name) => MANIFEST.test(name)) && names.some((name) => CHUNK.test(name));
		}
		const head = decodePrefix(file.bytes, MANIFEST_HEAD_BYTES).replace(/^\uFEFF/, '');
		return isManifest(head) || CHUNK_LINE.test(head);
	},

	parse(file: ExportFile, options: ParseOptions): ParsedExport {
		const wallClock = zonedWallClock(options.time_zone);
		const ids_seen = new Set<string>();
		const hints = new Map<string, MemberHint>();
		const messages: CanonicalMessage[] = [];
		const rejected: RejectedRow[] = [];
		const read = (path: string | null, bytes: Uint8Array, chat_name: string | null) => {
			const source = [file.name, path, chat_name].filter((part) => part).join(' / ');
			const rows = chunkRows(bytes, { wallClock, source, line: 1, ids_seen, hints }, path);
			for (const message of rows.messages) messages.push(message);
			for (const row of rows.rejected) rejected.push(row);
		};

		if (isZip(file.bytes)) {
			const entries = unzipExport(file, (name) => !name.startsWith('__MACOSX/') && (CHUNK.test(name) || MANIFEST.test(name)));
			const manifest_path = Object.keys(entries).find((name) => MANIFEST.test(name));
			const chat_name = manifest_path ? chatName(entries[manifest_path]) : null;
			const chunks = Object.keys(entries)
				.filter((name) => CHUNK.test(name))
				.sort((a, b) => (a < b ? -1 : 1));
			if (chunks.length === 0) throw new Error(`${file.name} holds no chunks/*.jsonl files: zip the whole QQ Chat Exporter export folder.`);
			for (const path of chunks) read(path, entries[path], chat_name);
		} else if (isManifest(decodePrefix(file.bytes, MANIFEST_HEAD_BYTES).replace(/^\uFEFF/, ''))) {
			// The chunks, dropped with it, are read on their own; the manifest alone holds no messages.
		} else {
			read(null, file.bytes, null);
		}

		return {
			format: qceChunkedJsonl.id,
			capabilities: { reply_ids: true, likes: false, stable_ids: true, timezone_aware: true },
			messages,
			rejected,
			rows_in_file: messages.length + rejected.length,
			member_hints: [...hints.values()]
		};
	}
};

/** Every non-blank line of one chunk file: a message, or a rejected row at its line (prefixed with its path in a zip). */
function chunkRows(bytes: Uint8Array, context: QceMessageContext, path: string | null): { messages: CanonicalMessage[]; rejected: RejectedRow[] } {
	const decoded = decodeText(bytes);
	const messages: CanonicalMessage[] = [];
	const rejected: RejectedRow[] = [];
	const where = path ? `${path}: ` : '';
	decoded.text
		.replace(/^\uFEFF/, '')
		.split('\n')
		.forEach((line, index) => {
			if (line.trim() === '') return;
			context.line = index + 1;
			let value: unknown;
			try {
				value = parseExportJson(line);
			} catch {
				rejected.push({ line: context.line, reason: `${where}not a valid JSON line` });
				return;
			}
			const message = qceMessage(value, context);
			if (typeof message === 'string') rejected.push({ line: context.line, reason: `${where}${message}` });
			else messages.push(message);
		});
	return rejectBadByteRows(messages, rejected, decoded.bad_bytes);
}

function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isManifest(head: string): boolean {
	return /^\s*\{/.test(head) && /"chatInfo"\s*:/.test(head) && CHUNKED_MANIFEST.test(head);
}

function chatName(bytes: Uint8Array): string | null {
	try {
		const manifest = parseExportJson(decodeText(bytes).text) as JsonObject;
		const chat_info = manifest?.chatInfo as JsonObject | undefined;
		return typeof chat_info?.name === 'string' && chat_info.name.trim() !== '' ? chat_info.name : null;
	} catch {
		return null;
	}
}
