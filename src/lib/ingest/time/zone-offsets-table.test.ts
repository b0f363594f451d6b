import { describe, expect, it } from 'vitest';
import { createNativeDb } from '../../db/duckdb-native';
import { createZoneOffsetsTable } from './zone-offsets-table';

const YEAR_2021 = [Date.UTC(2021, 0, 1), Date.UTC(2022, 0, 1)] as const;

async function zoneOffsets(zone: string): Promise<{ utc_from: string; offset_minutes: number }[]> {
	const db = await createNativeDb();
	try {
		await createZoneOffsetsTable(db, zone, ...YEAR_2021);
		const rows = await db.query<{ utc_from_ms: number; offset_minutes: number }>('SELECT utc_from_ms, offset_minutes FROM zone_offsets ORDER BY utc_from_ms');
		return rows.map(({ utc_from_ms, offset_minutes }) => ({ utc_from: utc_from_ms < -8e15 ? 'always' : new Date(utc_from_ms).toISOString(), offset_minutes }));
	} finally {
		await db.close();
	}
}

describe('createZoneOffsetsTable(db, zone, from_ms, to_ms)', () => {
	it('holds every offset change of the zone to the minute: Berlin leaves and returns to +01:00 at 01:00 UTC in 2021', async () => {
		expect(await zoneOffsets('Europe/Berlin')).toEqual([
			{ utc_from: 'always', offset_minutes: 60 },
			{ utc_from: '2021-03-28T01:00:00.000Z', offset_minutes: 120 },
			{ utc_from: '2021-10-31T01:00:00.000Z', offset_minutes: 60 }
		]);
	});

	it('gives a second database the same table for the same zone and span, and another zone its own', async () => {
		const first = await zoneOffsets('America/New_York');
		expect(first.map((row) => row.offset_minutes)).toEqual([-300, -240, -300]);
		expect(await zoneOffsets('America/New_York')).toEqual(first);
		expect(await zoneOffsets('Asia/Shanghai')).toEqual([{ utc_from: 'always', offset_minutes: 480 }]);
	});
});
