import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { wallClock } from '../time/wall-clock';
import { zonedWallClock } from './zoned-wall-clock';

describe('zonedWallClock', () => {
	test('zonedWallClock(zone)(t) equals wallClock(t, zone) for any instant, DST changes and odd offsets included', () => {
		const zones = ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', '+05:30', 'UTC'];
		const clocks = new Map(zones.map((zone) => [zone, zonedWallClock(zone)]));
		fc.assert(
			fc.property(
				fc.constantFrom(...zones),
				fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
				fc.boolean(),
				(zone, epoch_ms, whole_seconds) => {
					const instant = whole_seconds ? epoch_ms - (epoch_ms % 1000) : epoch_ms;
					expect(clocks.get(zone)!(instant)).toBe(wallClock(instant, zone));
				}
			),
			{ numRuns: 5000 }
		);
	});

	test.each([
		['Europe/London', Date.UTC(2023, 2, 26, 1)],
		['America/New_York', Date.UTC(2023, 10, 5, 6)],
		['Australia/Lord_Howe', Date.UTC(2023, 3, 1, 15)],
		['Pacific/Chatham', Date.UTC(2023, 3, 1, 14)]
	])('every minute within two hours of a %s offset change reads like wallClock', (zone, change) => {
		const clock = zonedWallClock(zone);
		for (let ms = change - 7_200_000; ms <= change + 7_200_000; ms += 60_000) expect(clock(ms)).toBe(wallClock(ms, zone));
	});
});
