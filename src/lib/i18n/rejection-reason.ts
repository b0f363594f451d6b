import { m } from './messages';
import { patternTranslator, type TranslatedPattern } from './pattern-translator';

// The importers write their reasons in English, which the CLI's JSON and the rejected-rows CSV keep as they are;
// the import report translates the common ones when it shows them, and shows any other as written.
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
	[/^(.*?)not a valid JSON line$/, ([, where]) => m.reason_not_json_line({ where })]
];

/** A rejected row's reason as the import report shows it: translated when the interface is not English. */
export const rejectionReason = patternTranslator(PATTERNS);
