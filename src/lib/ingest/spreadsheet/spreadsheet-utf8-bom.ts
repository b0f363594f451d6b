/**
 * The UTF-8 byte order mark that starts every CSV Resonance writes for people. Excel reads a CSV without it in
 * the system's ANSI code page (GBK on Chinese Windows), which garbles every Chinese name and message.
 */
export const SPREADSHEET_UTF8_BOM = '\uFEFF';
