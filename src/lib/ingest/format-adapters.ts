import type { FormatAdapter } from './formats/format-adapter';

/** Every export format read in JS, in detection order (most specific first). CSVs go through DuckDB. */
export const FORMAT_ADAPTERS: FormatAdapter[] = [];
