const FIRST_MS = Date.UTC(1990, 0, 1);
const END_MS = Date.UTC(2101, 0, 1);

/**
 * True for an epoch time in milliseconds inside the years every importer accepts (1990–2100, as
 * `naiveTimestamp` and the CSV import). Far outside them `wallClock` would throw (a Date past ±8.64e15 ms
 * is invalid), so adapters reject such a row instead.
 */
export function plausibleEpochMs(epoch_ms: number): boolean {
	return Number.isFinite(epoch_ms) && epoch_ms >= FIRST_MS && epoch_ms < END_MS;
}
