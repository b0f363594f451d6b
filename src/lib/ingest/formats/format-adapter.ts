import type { Db } from '../../db/db';
import type { ParsedBatch, ParsedExport, RejectedRow, SourceCapabilities } from '../canonical-message';
import type { ColumnMapping } from '../csv/column-mapping';
import type { ConvertedFrom } from '../dataset/dataset-file-metadata';
import type { ImportSource } from '../sources/import-source';

export interface ExportFile { name: string; bytes: Uint8Array }
export interface ParseOptions {
  time_zone: string;     // dataset time zone for naive times; epoch times are converted into it with wallClock
  /** Told when an adapter has unpacked a zip and starts reading its messages (the progress line says so). */
  onUnpacked?: () => void;
}
/** A file read front to back, in chunks (a file on disk, a browser File); `readAll` when an adapter needs it whole after all. */
export interface StreamedExportFile { name: string; chunks(): AsyncIterable<Uint8Array>; readAll(): Promise<Uint8Array> }
/** A format read in JS into canonical messages; the import stages them into `messages`. */
export interface FormatAdapter {
  id: string;            // e.g. 'qq-txt'
  label: string;         // e.g. 'Tencent QQ message manager (TXT)'
  /** True when the file's content (not just its name) looks like this format. Cheap: looks at the first bytes/text. */
  detect(file: ExportFile): boolean;
  parse(file: ExportFile, options: ParseOptions): ParsedExport;
  /** Optional: what `parse` gives, in batches, holding neither the whole file nor every message. */
  parseStream?(file: StreamedExportFile, options: ParseOptions): AsyncIterable<ParsedBatch>;
}

export interface DuckDbImportOptions {
  time_zone: string;
  import_id: number;
  /** The column-mapping step's choice for a CSV, over the inspected mapping. */
  mapping?: ColumnMapping;
  without_text?: boolean;
}
/** What one file added to `messages`, and what it left out. */
export interface ImportedMessages {
  rows: number;
  rejected: RejectedRow[];
  capabilities: SourceCapabilities;
  format: string;
  control_characters_stripped: number;
  converted_from?: ConvertedFrom;
}
/**
 * A format DuckDB reads itself (a CSV through `read_csv`, a dataset file `resonance convert` wrote): made by
 * inspectExport for the file it inspected, it imports that file straight into `messages`, with no parse in JS.
 */
export interface DuckDbFormatAdapter {
  id: string;            // e.g. 'resonance-csv'
  label: string;
  importInto(db: Db, source: ImportSource, options: DuckDbImportOptions): Promise<ImportedMessages>;
}
/** Every way a file's messages are read: parsed in JS, or read by DuckDB. */
export type ExportAdapter = FormatAdapter | DuckDbFormatAdapter;
