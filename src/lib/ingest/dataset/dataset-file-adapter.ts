import type { DuckDbFormatAdapter } from '../formats/format-adapter';
import { importDatasetFile } from './import-dataset-file';

/** The adapter of a Parquet or DuckDB file, imported as the dataset `resonance convert` wrote (validated then: nothing is rejected now). */
export function datasetFileAdapter(container: 'parquet' | 'duckdb'): DuckDbFormatAdapter {
	return {
		id: 'resonance-dataset',
		label: container === 'parquet' ? 'Resonance dataset (Parquet)' : 'Resonance dataset (DuckDB)',
		async importInto(db, source, options) {
			const { rows, capabilities, converted_from } = await importDatasetFile(db, { name: source.name, source: source.db_source, container }, options);
			return { rows, rejected: [], capabilities, format: 'resonance-dataset', control_characters_stripped: 0, converted_from };
		}
	};
}
