const YEAR_3000_MS = Date.UTC(3000, 0, 1);

/**
 * True for an epoch time in milliseconds inside the years adapters accept (1970–2999, as `naiveTimestamp`).
 * Outside them `wallClock` would throw (a Date past ±8.64e15 ms is invalid) or DuckDB would get a
 * meaningless year, so adapters reject such a row instead.
 */
export function plausibleEpochMs(epoch_ms: number): boolean {
	return Number.isFinite(epoch_ms) && epoch_ms >= 0 && epoch_ms < YEAR_3000_MS;
}
