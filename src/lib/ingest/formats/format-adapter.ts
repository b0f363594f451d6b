import type { ParsedBatch, ParsedExport } from '../canonical-message';

export interface ExportFile { name: string; bytes: Uint8Array }
export interface ParseOptions {
  time_zone: string;     // dataset time zone for naive times; epoch times are converted into it with wallClock
  /** Told when an adapter has unpacked a zip and starts reading its messages (the progress line says so). */
  onUnpacked?: () => void;
}
/** A file read front to back, in chunks (a file on disk, a browser File); `readAll` when an adapter needs it whole after all. */
export interface StreamedExportFile { name: string; chunks(): AsyncIterable<Uint8Array>; readAll(): Promise<Uint8Array> }
export interface FormatAdapter {
  id: string;            // e.g. 'qq-txt'
  label: string;         // e.g. 'Tencent QQ message manager (TXT)'
  /** True when the file's content (not just its name) looks like this format. Cheap: looks at the first bytes/text. */
  detect(file: ExportFile): boolean;
  parse(file: ExportFile, options: ParseOptions): ParsedExport;
  /** Optional: what `parse` gives, in batches, holding neither the whole file nor every message. */
  parseStream?(file: StreamedExportFile, options: ParseOptions): AsyncIterable<ParsedBatch>;
}
