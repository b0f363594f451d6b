import { fixedOffsetMinutes, isValidTimeZone } from '../src/lib/ingest/time/wall-clock';
import { localTimeZone } from '../src/lib/settings/local-time-zone';

/**
 * The CLI's default zone: `TZ` when it names an IANA zone (a leading `:` as glibc allows), else the system's.
 * POSIX offsets in TZ (`UTC-8` means 8 hours east) are left to the system, as their sign reads backwards.
 */
export function machineTimeZone(env: NodeJS.ProcessEnv = process.env): string {
	const zone = env.TZ?.replace(/^:/, '').trim();
	if (zone && fixedOffsetMinutes(zone) === null && isValidTimeZone(zone)) return zone;
	return localTimeZone();
}
