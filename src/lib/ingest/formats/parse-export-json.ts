// JSON allows no raw control character; tab, LF and CR outside strings are whitespace and stay as they are.
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/**
 * `JSON.parse` of an export's text (a BOM is dropped) that reads a raw control character inside a string as
 * that character, as if the exporter had escaped it, so one IRC colour code does not refuse a whole file.
 */
export function parseExportJson(text: string): unknown {
	return JSON.parse(text.replace(/^\uFEFF/, '').replace(RAW_CONTROL, (control) => `\\u${control.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
