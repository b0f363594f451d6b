import { decodeText, type DecodedText } from '../text/decode-text';
import type { DuckDbFormatAdapter } from '../formats/format-adapter';
import { bytesImportSource } from '../sources/bytes-import-source';
import type { ColumnMapping } from './column-mapping';
import { importCsv } from './import-csv';

/** What inspectExport learnt of a CSV that the import needs. */
export interface InspectedCsv {
	format: 'resonance-csv' | 'mapped-csv';
	encoding: DecodedText['encoding'];
	column_count: number;
	mapping: ColumnMapping;
	control_characters: boolean;
}

/** The adapter of one inspected CSV: DuckDB's CSV reader imports it (from UTF-8, decoded first when it was not). */
export function csvAdapter(csv: InspectedCsv): DuckDbFormatAdapter {
	return {
		id: csv.format,
		label: csv.format === 'resonance-csv' ? 'Resonance CSV' : 'CSV with mapped columns',
		async importInto(db, source, options) {
			const utf8 =
				csv.encoding === 'utf-8' ? source : bytesImportSource(source.name, new TextEncoder().encode(decodeText(await source.readAll()).text));
			const mapping = options.mapping ?? csv.mapping;
			const imported = await importCsv(
				db,
				{
					name: source.name,
					source: utf8.db_source,
					chunks: () => utf8.chunks(),
					column_count: csv.column_count,
					control_characters: csv.control_characters
				},
				{ mapping: options.without_text ? withoutText(mapping) : mapping, time_zone: options.time_zone, import_id: options.import_id }
			);
			return { ...imported, format: csv.format };
		}
	};
}

/** The mapping with no column for text: DuckDB then keeps no text, and every message's text is ''. */
function withoutText(mapping: ColumnMapping): ColumnMapping {
	return Object.fromEntries(Object.entries(mapping).filter(([field]) => field !== 'text'));
}
