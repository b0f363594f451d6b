import type { Db } from '../../db/db';
import { insertRows } from '../../db/insert-rows';
import { offsetMinutesAt } from './wall-clock';

const DAY_MS = 86_400_000;

/**
 * Creates the temp table `zone_offsets(utc_from_ms, offset_minutes)`: every UTC-offset change of `zone`
 * between two instants, found with Intl and located to the minute. DuckDB's own time-zone support needs
 * the ICU extension, which duckdb-wasm fetches from the internet, so conversions are done with this table.
 */
export async function createZoneOffsetsTable(db: Db, zone: string, from_ms: number, to_ms: number): Promise<void> {
	const key = `${zone} ${from_ms} ${to_ms}`;
	let rows = offset_changes.get(key);
	if (!rows) offset_changes.set(key, (rows = offsetChanges(zone, from_ms, to_ms)));
	await insertRows(db, 'zone_offsets', { utc_from_ms: 'DOUBLE', offset_minutes: 'INTEGER' }, rows);
}

// Walking 1990–2100 day by day is some 40,000 Intl calls, 0.4–1 s: each zone and span is walked once per page or process.
const offset_changes = new Map<string, { utc_from_ms: number; offset_minutes: number }[]>();

function offsetChanges(zone: string, from_ms: number, to_ms: number): { utc_from_ms: number; offset_minutes: number }[] {
	const starts: number[] = [-8.64e15];
	const offsets: number[] = [offsetMinutesAt(from_ms - DAY_MS, zone)];
	for (let day = from_ms - DAY_MS; day <= to_ms + DAY_MS; day += DAY_MS) {
		const next = offsetMinutesAt(day + DAY_MS, zone);
		if (next === offsets[offsets.length - 1]) continue;
		let low = day;
		let high = day + DAY_MS;
		while (high - low > 60_000) {
			const middle = low + Math.floor((high - low) / 2 / 60_000) * 60_000;
			if (offsetMinutesAt(middle, zone) === next) high = middle;
			else low = middle;
		}
		starts.push(high);
		offsets.push(next);
	}
	return starts.map((utc_from_ms, index) => ({ utc_from_ms, offset_minutes: offsets[index] }));
}
