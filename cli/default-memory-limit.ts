/** Files whose bytes hold several times as much data once read: a compressed export or a compact dataset file. */
const COMPRESSED = /\.(zip|parquet|duckdb|gz)$/i;
const MIB = 2 ** 20;
const FLOOR_BYTES = 256 * MIB;

/**
 * The native engine's memory limit when --memory-limit is not given: about the size of the input (compressed files
 * counted at four times theirs), at least 256 MiB and at most half the RAM. DuckDB spills what goes past it, and
 * uses some memory outside it, so the whole process stays near twice the input instead of growing to half the
 * machine on a large file.
 */
export function defaultMemoryLimit(files: readonly { path: string; bytes: number }[], total_ram_bytes: number): string {
	const input_bytes = files.reduce((sum, file) => sum + file.bytes * (COMPRESSED.test(file.path) ? 4 : 1), 0);
	const bytes = Math.min(total_ram_bytes / 2, Math.max(FLOOR_BYTES, input_bytes));
	return `${Math.max(1, Math.floor(bytes / MIB))}MiB`;
}
