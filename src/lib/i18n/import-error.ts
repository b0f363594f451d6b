import { m } from './messages';
import { patternTranslator, type TranslatedPattern } from './pattern-translator';

// What the JSON readers say inside "is not valid JSON (…)"; the browser's own JSON.parse messages stay as written.
const jsonDetail = patternTranslator([
	[/^the text ends at line (\d+) before the JSON does$/, ([, line]) => m.import_json_ends_early({ line })],
	[/^unexpected (".*") at line (\d+)$/, ([, character, line]) => m.import_json_unexpected({ character, line })],
	[/^the text ends at line (\d+) inside a value that starts at line (\d+)$/, ([, line, start]) => m.import_json_ends_inside({ line, start })]
]);

const advice = patternTranslator([
	[/^download the messages again in JSON format\.$/, () => m.import_advice_messenger()],
	[/^export the chat again from QQ Chat Exporter as JSON\.$/, () => m.import_advice_qce()],
	[/^export the chat again from WeFlow as JSON\.$/, () => m.import_advice_weflow()],
	[/^export the chat again as "Machine-readable JSON"\.$/, () => m.import_advice_telegram()],
	[/^export the channel again as JSON\.$/, () => m.import_advice_discord()]
]);

// Why a zip is damaged, as the zip readers say it; the unzip library's own messages stay as written.
const damage = patternTranslator([
	[/^(.+) unpacks to ([\d,]+) bytes, the zip declares ([\d,]+)$/, ([, entry, found, declared]) => m.import_damaged_size({ entry, found, declared })],
	[/^(.+) fails its CRC-32 check: its bytes changed after it was zipped, or it was cut short$/, ([, entry]) => m.import_damaged_crc({ entry })],
	[/^it no longer starts as a zip archive does$/, () => m.import_damaged_not_zip()],
	[/^(.+) has no local header where the directory says$/, ([, entry]) => m.import_damaged_no_local_header({ entry })]
]);

const binaryKind = patternTranslator([
	[/^a PNG image$/, () => m.import_binary_png()],
	[/^a JPEG image$/, () => m.import_binary_jpeg()],
	[/^a GIF image$/, () => m.import_binary_gif()],
	[/^a PDF document$/, () => m.import_binary_pdf()],
	[/^a gzip archive$/, () => m.import_binary_gzip()],
	[/^a 7-Zip archive$/, () => m.import_binary_7zip()],
	[/^a RAR archive$/, () => m.import_binary_rar()],
	[/^an old Office document \(\.xls or \.doc\)$/, () => m.import_binary_office()],
	[/^a SQLite database$/, () => m.import_binary_sqlite()]
]);

const workerReason = patternTranslator([[/^its worker failed \(most often because this tab ran out of memory\)$/, () => m.import_worker_failed()]]);

// The importers (some in a worker, which has no interface language) throw in English; the dashboard's error line
// and the CLI's one-line error translate them here, and show any other as written.
const PATTERNS: TranslatedPattern[] = [
	[/^(.+?) is a roster \(author,role\[,cohort\]\), not messages: give it as the roster of an export \(--roster FILE\)\.$/, ([, name]) => m.import_error_is_roster({ name })],
	[/^(.+?): the (.+) reader stopped before the end of the file\.$/, ([, name, format]) => m.import_error_reader_stopped({ name, format })],
	[/^The roster needs a header with the columns author and role \(cohort optional\)\.$/, () => m.import_error_roster_header()],
	[/^(.+?) is a Parquet file, which the in-browser DuckDB cannot read offline: /, ([, name]) => m.import_error_parquet_in_browser({ name })],
	[/^(.+?) is a Resonance dataset whose columns are not the dataset's \((.*); expected (.*)\)\.$/, ([, name, found, expected]) => m.import_error_dataset_columns({ name, found, expected })],
	[/^(.+?) is a Resonance dataset of a newer version \((.+)\) than this one reads \((.+)\)\.$/, ([, name, version, reads]) => m.import_error_newer_dataset({ name, version, reads })],
	[/^(.+?) is a (\S+) file but not a Resonance dataset \(write one with resonance convert\)\.$/, ([, name, container]) => m.import_error_not_a_dataset({ name, container })],
	[/^The file is not valid text in UTF-8, UTF-16 or GB18030; re-save it as UTF-8\.$/, () => m.import_error_not_utf8_utf16_gb18030()],
	[/^The file is not valid (\S+) text\.$/, ([, encoding]) => m.import_error_not_encoding({ encoding })],
	[/^(.+?) is not an? (.+?) export: it has no "messages" list\.$/, ([, name, format]) => m.import_error_no_messages_list({ name, format })],
	[/^(.+?) is not a DiscordChatExporter JSON export: it has no "channel" and "messages"\.$/, ([, name]) => m.import_error_not_discord_json({ name })],
	[/^(.+?) is not a Telegram Desktop export: it has neither a "messages" list nor "chats\.list"\.$/, ([, name]) => m.import_error_not_telegram({ name })],
	[/^(.+?) is not valid JSON \((.*)\); (.+)$/, ([, name, detail, then]) => m.import_error_not_json({ name, detail: jsonDetail(detail), advice: advice(then) })],
	[/^(.+?) uses a zip compression method Resonance cannot read \((.*)\): /, ([, name, reason]) => m.import_error_zip_method({ name, reason })],
	[/^(.+?) is damaged \((.*)\): re-export or re-download it\.$/, ([, name, reason]) => m.import_error_damaged({ name, reason: damage(reason) })],
	[/^(.+?) holds (.+), ([\d,]+) MB unpacked: more than the (\d+) MB Resonance reads from one file\./, ([, name, entry, size, limit]) => m.import_error_entry_too_large({ name, entry, size, limit })],
	[/^(.+?) is not a zip archive; a Slack export is the \.zip Slack lets you download\.$/, ([, name]) => m.import_error_slack_not_zip({ name })],
	[/^(.+?) is not a Slack workspace export: it has no channels\.json or users\.json\.$/, ([, name]) => m.import_error_not_slack({ name })],
	[/^(.+?) holds no chunks\/\*\.jsonl files: /, ([, name]) => m.import_error_no_chunks({ name })],
	[/^(.+?) cannot be read one message at a time \((.*)\); split it or export the chat again\.$/, ([, name, why]) => m.import_error_not_one_at_a_time({ name, why })],
	[/^(.+?) is not a WhatsApp chat export: /, ([, name]) => m.import_error_not_whatsapp({ name })],
	[/^(.+?) holds no WhatsApp chat text /, ([, name]) => m.import_error_no_whatsapp_chat({ name })],
	[/^(.+?) is not a WeChatMsg CSV: missing column\(s\) (.+)\.$/, ([, name, columns]) => m.import_error_wechat_missing_columns({ name, columns })],
	[/^(.+?) is empty: no WeChatMsg CSV header row\.$/, ([, name]) => m.import_error_wechat_empty({ name })],
	[/^(.+?) is not a QQ message-manager TXT export: /, ([, name]) => m.import_error_not_qq_txt({ name })],
	[/^(.+?) is not a DiscordChatExporter CSV: its first line is not (.+)\.$/, ([, name, header]) => m.import_error_not_discord_csv({ name, header })],
	[/^Choose which columns hold the timestamp and the author /, () => m.import_error_choose_columns()],
	[/^(.+?) could not be read as CSV: (.*)$/, ([, name, detail]) => m.import_error_not_read_as_csv({ name, detail })],
	[/^Message (\d+) of (.+) \((.+?)\) is longer than 16 MB; /, ([, n, source, sent_at]) => m.import_error_message_too_long({ n, source, sent_at })],
	[/^(.+?) is empty\.$/, ([, name]) => m.import_error_empty({ name })],
	[/^(.+?) is a zip archive that holds no chat export Resonance knows\.$/, ([, name]) => m.import_error_zip_without_export({ name })],
	[/^(.+?) is (an? .+), not a chat export\.$/, ([, name, kind]) => m.import_error_binary({ name, kind: binaryKind(kind) })],
	[/^(.+?) has a header row that is not valid CSV /, ([, name]) => m.import_error_header_quotes({ name })],
	[/^(.+?) is not a CSV with a header row, nor an export format Resonance knows\.$/, ([, name]) => m.import_error_not_csv({ name })],
	[/^(.+?) is a text file but not a chat export this version reads: /, ([, name]) => m.import_error_text_not_export({ name })],
	[/^(.+?) is HTML or XML, not an export this version reads: /, ([, name]) => m.import_error_html({ name })],
	[/^(.+?) is JSON but not an export this version reads: /, ([, name]) => m.import_error_json_not_export({ name })],
	[/^(.+?) is not a text file \((\d+)% of its first characters are binary data\): /, ([, name, percent]) => m.import_error_binary_data({ name, percent })],
	[/^Reading (.+?) stopped: (.*)$/, ([, name, reason]) => m.import_error_reading_stopped({ name, reason: workerReason(reason) })]
];

/** Why an import failed, as the dashboard and the CLI show it: translated when the interface is not English. */
export const importError = patternTranslator(PATTERNS);
