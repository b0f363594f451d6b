import { m } from './messages';
import { patternTranslator, type TranslatedPattern } from './pattern-translator';

// The importers write their reasons in English, which the CLI's JSON and the rejected-rows CSV keep as they are;
// the import report translates them when it shows them, and shows any other as written. First match wins.
const PATTERNS: TranslatedPattern[] = [
	[/^row has (\d+) columns?, the header has (\d+)$/, ([, found, expected]) => m.reason_columns({ found, expected })],
	[/^author is empty$/, () => m.reason_author_empty()],
	[/^row is not valid UTF-8 text$/, () => m.reason_row_not_utf8()],
	[/^not valid UTF-8 \(byte (0x[0-9A-F]+) at line (\d+), column (\d+)\)$/, ([, byte, line, column]) => m.reason_byte_at_line({ byte, line, column })],
	[/^not valid UTF-8 \(byte (0x[0-9A-F]+) at column (\d+)\)$/, ([, byte, column]) => m.reason_byte_at_column({ byte, column })],
	[/^(.+?) "(.*)" is not a date and time$/, ([, field, value]) => m.reason_not_date_time({ field, value })],
	[/^(.+?) "(.*)" is not a date$/, ([, field, value]) => m.reason_not_date({ field, value })],
	[/^(.+?) "(.*)" is out of range \((.+)\)$/, ([, field, value, range]) => m.reason_out_of_range({ field, value, range })],
	[/^(.+?) "(.*)" is not a whole number$/, ([, field, value]) => m.reason_not_whole_number({ field, value })],
	[/^(.+?) "(.*)" is larger than (.+)$/, ([, field, value, limit]) => m.reason_larger_than({ field, value, limit })],
	[/^message (.+) is already loaded from (.+)$/, ([, id, source]) => m.reason_already_loaded({ id, source })],
	[/^a quoted field is never closed/, () => m.reason_quote_never_closed()],
	[/^a quoted field is followed by text before the next comma/, () => m.reason_quote_followed_by_text()],
	[/^(.*?)not a valid JSON line$/, ([, where]) => m.reason_not_json_line({ where })],
	[/^(.+?): not valid JSON; none of its messages could be read$/, ([, path]) => m.reason_slack_not_json({ path })],
	[/^(.+?): not a JSON list of messages; none of its messages could be read$/, ([, path]) => m.reason_slack_not_list({ path })],
	[/^(.+?), message (\d+): (.+)$/, ([, path, n, reason]) => m.reason_in_file_message({ path, n, reason: rejectionReason(reason) })],
	[/^message (\S+?): (.+)$/, ([, id, reason]) => m.reason_of_message({ id, reason: rejectionReason(reason) })],
	[/^a message without an id: (.+)$/, ([, reason]) => m.reason_of_message_without_id({ reason: rejectionReason(reason) })],
	[/^unreadable header: (.+)$/, ([, reason]) => m.reason_unreadable_header({ reason: rejectionReason(reason) })],
	[/^role of (.+) is empty$/, ([, name]) => m.reason_role_empty({ name })],
	[/^(\w+) is empty$/, ([, field]) => m.reason_empty_field({ field })],
	[/^(\w+) is negative \((.+)\)$/, ([, field, value]) => m.reason_negative({ field, value })],
	[/^(\w+) "(.*)" appears earlier in the file$/, ([, field, value]) => m.reason_id_earlier_in_file({ field, value })],
	[/^(\w+) "(.*)" is already loaded from another file$/, ([, field, value]) => m.reason_id_loaded_from_another_file({ field, value })],
	[/^not a message object$/, () => m.reason_not_message_object()],
	[/^a message nested more than (\d+) levels deep \(damaged or not an export\)$/, ([, levels]) => m.reason_nested_message({ levels })],
	[/^nested more than (\d+) levels deep \(damaged or not an export\)$/, ([, levels]) => m.reason_nested({ levels })],
	[/^("[^"]+"|\w+) (.*) is not epoch milliseconds or an ISO time with an offset$/, ([, field, value]) => m.reason_not_epoch_ms_or_iso({ field, value })],
	[/^("[^"]+"|\w+) (.*) is not epoch milliseconds$/, ([, field, value]) => m.reason_not_epoch_ms({ field, value })],
	[/^("[^"]+"|\w+) (.*) is not an ISO 8601 time with an offset$/, ([, field, value]) => m.reason_not_iso_with_offset({ field, value })],
	[/^("[^"]+"|\w+) (.*) is not Unix seconds$/, ([, field, value]) => m.reason_not_unix_seconds({ field, value })],
	[/^no sender uin or uid$/, () => m.reason_no_sender_uin_uid()],
	[/^no readable ("[^"]+") or ("[^"]+") \(found (.*)\)$/, ([, field, other, value]) => m.reason_no_readable_either({ field, other, value })],
	[/^no readable ("[^"]+") \(found (.*)\)$/, ([, field, value]) => m.reason_no_readable({ field, value })],
	[/^no ("[^"]+") or ("[^"]+")$/, ([, field, other]) => m.reason_no_field_or({ field, other })],
	[/^("[^"]+") is not a list$/, ([, field]) => m.reason_not_a_list({ field })],
	[/^("[^"]+") is not text$/, ([, field]) => m.reason_not_text({ field })],
	[/^unreadable "reactions" \(each needs a numeric "count"\)$/, () => m.reason_reactions_count()],
	[/^unreadable "reactions" \(each needs a numeric "count" or a "users" list\)$/, () => m.reason_reactions_count_or_users()],
	[/^expected (\d+) fields \((.+)\), found (\d+)$/, ([, expected, header, found]) => m.reason_fields_of_header({ expected, header, found })],
	[/^expected (\d+) fields, found (\d+)$/, ([, expected, found]) => m.reason_fields({ expected, found })],
	[/^empty (\w+)$/, ([, field]) => m.reason_empty_field({ field })],
	[/^unreadable Reactions "(.*)" \(expected "name \(count\)" items separated by commas\)$/, ([, value]) => m.reason_unreadable_reactions_cell({ value })],
	[/^Date "(.*)" is not a real calendar time \(read day first, like the rest of the file\)$/, ([, value]) => m.reason_not_calendar_time_day_first({ value })],
	[/^Date "(.*)" is not a real calendar time \(read month first, like the rest of the file\)$/, ([, value]) => m.reason_not_calendar_time_month_first({ value })],
	[/^Date "(.*)" is not a real calendar time$/, ([, value]) => m.reason_not_calendar_time({ value })],
	[/^unreadable Date "(.*)"$/, ([, value]) => m.reason_unreadable_date({ value })],
	[/^(Date ".*"): hour (\d+) with (AM|PM)$/, ([, value, hour, meridiem]) => m.reason_hour_with_meridiem({ value, hour, meridiem })],
	[/^ts (.+) appears earlier in #(.+)$/, ([, ts, channel]) => m.reason_ts_earlier({ ts, channel })],
	[/^reaction count (.+) is not a whole number ≥ 0$/, ([, count]) => m.reason_reaction_not_whole({ count })],
	[/^reaction count (.+) is larger than (.+)$/, ([, count, limit]) => m.reason_reaction_larger({ count, limit })],
	[/^reaction counts add up to (.+), more than (.+)$/, ([, total, limit]) => m.reason_reactions_add_up({ total, limit })],
	[/^(.+) is not a message type this importer knows$/, ([, what]) => m.reason_unknown_message_type({ what })],
	[/^the same (\S+) appears earlier in this file$/, ([, field]) => m.reason_same_id_in_file({ field })],
	[/^the same (\S+) appears earlier in this chat$/, ([, field]) => m.reason_same_id_in_chat({ field })],
	[/^Telegram Desktop could not export it \(type "unsupported"\)$/, () => m.reason_telegram_unsupported()],
	[/^unknown type (.+)$/, ([, type]) => m.reason_unknown_type({ type })],
	[/^"text" is neither a string nor a list of text parts$/, () => m.reason_text_not_string_or_parts()],
	[/^(.+?) is not a chat with a "messages" list; nothing was imported from it$/, ([, path]) => m.reason_not_a_chat({ path })],
	[/^text before the first message: no "date, time - name:" line above it$/, () => m.reason_whatsapp_before_first()],
	[/^"(.*)" is not a valid time: hour (\d+) with (AM|PM)$/, ([, value, hour, meridiem]) => m.reason_not_valid_time_meridiem({ value, hour, meridiem })],
	[/^"(.*)" is not a valid date and time \(read as (.+)\)$/, ([, value, order]) => m.reason_not_valid_date_time_read_as({ value, order: dateOrder(order) })],
	[/^"(.*)" is not a valid date and time$/, ([, value]) => m.reason_not_valid_date_time({ value })],
	[/^hour (.+) with (.+)$/, ([, hour, meridiem]) => m.reason_hour_with({ hour, meridiem })],
	[/^no sender after the time$/, () => m.reason_no_sender_after_time()],
	[/^text outside any message: no "YYYY-MM-DD HH:MM:SS sender" line above it$/, () => m.reason_qq_outside_message()],
	[/^row is longer than 16 MB$/, () => m.reason_row_too_long()],
	[/^unreadable CSV row: (.*)$/, ([, detail]) => m.reason_unreadable_csv_row({ detail })],
	[/^no (?:numeric |message )?(.+)$/, ([, field]) => m.reason_no_field({ field })],
	[/^([^:]+\.jsonl?): (.+)$/, ([, path, reason]) => m.reason_in_file({ path, reason: rejectionReason(reason) })]
];

const dateOrder = patternTranslator([
	[/^day-month-year$/, () => m.reason_order_day_month_year()],
	[/^month-day-year$/, () => m.reason_order_month_day_year()],
	[/^year-month-day$/, () => m.reason_order_year_month_day()]
]);

/**
 * A rejected row's reason as the import report and the CLI's one-line error show it: translated when the interface
 * is not English. A reason that names its file or message first has the rest translated after it.
 */
export const rejectionReason = patternTranslator(PATTERNS);
