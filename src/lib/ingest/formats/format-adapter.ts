import type { ParsedExport } from '../canonical-message';

export interface ExportFile { name: string; bytes: Uint8Array }
export interface ParseOptions {
  time_zone: string;     // dataset time zone for naive times; epoch times are converted into it with wallClock
  /** Told when an adapter has unpacked a zip and starts reading its messages (the progress line says so). */
  onUnpacked?: () => void;
}
export interface FormatAdapter {
  id: string;            // e.g. 'qq-txt'
  label: string;         // e.g. 'Tencent QQ message manager (TXT)'
  /** True when the file's content (not just its name) looks like this format. Cheap: looks at the first bytes/text. */
  detect(file: ExportFile): boolean;
  parse(file: ExportFile, options: ParseOptions): ParsedExport;
}
