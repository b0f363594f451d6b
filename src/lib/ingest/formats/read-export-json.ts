import { decodeText, type DecodedText } from '../text/decode-text';
import type { ExportFile } from './format-adapter';
import { parseExportJson } from './parse-export-json';

/**
 * A JSON export decoded (its bad bytes listed) and parsed: the text without its BOM, for finding each item's line,
 * and the parsed root. A file that is not JSON is refused in one sentence that ends with `advice` (what to re-export).
 */
export function readExportJson(file: ExportFile, advice: string): { decoded: DecodedText; text: string; root: unknown } {
	const decoded = decodeText(file.bytes);
	const text = decoded.text.replace(/^\uFEFF/, '');
	try {
		return { decoded, text, root: parseExportJson(text) };
	} catch (error) {
		throw new Error(`${file.name} is not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')}); ${advice}`);
	}
}
