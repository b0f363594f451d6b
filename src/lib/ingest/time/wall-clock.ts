const formatters = new Map<string, Intl.DateTimeFormat>();

/** Parses `+08:00`, `-0530`, `UTC+8` into minutes east of UTC; null when `zone` is not an offset. */
export function fixedOffsetMinutes(zone: string): number | null {
	if (/^(utc|gmt|z)$/i.test(zone)) return 0;
	const match = /^(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone.trim());
	if (!match) return null;
	const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
	return match[1] === '-' ? -minutes : minutes;
}

/** True when `zone` is an IANA name this runtime knows or a fixed offset such as `+08:00`. */
export function isValidTimeZone(zone: string): boolean {
	if (fixedOffsetMinutes(zone) !== null) return true;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** Minutes east of UTC that `zone` observes at the instant `epochMs`. */
export function offsetMinutesAt(epochMs: number, zone: string): number {
	const fixed = fixedOffsetMinutes(zone);
	if (fixed !== null) return fixed;
	let formatter = formatters.get(zone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(zone, formatter);
	}
	const parts: Record<string, number> = {};
	for (const part of formatter.formatToParts(new Date(epochMs))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** The wall-clock time `YYYY-MM-DD HH:MM:SS` (plus `.mmm` when not whole seconds) of an instant in `zone`. */
export function wallClock(epochMs: number, zone: string): string {
	const shifted = new Date(epochMs + offsetMinutesAt(epochMs, zone) * 60_000);
	const iso = shifted.toISOString();
	const millis = iso.slice(20, 23);
	return iso.slice(0, 10) + ' ' + iso.slice(11, 19) + (millis === '000' ? '' : '.' + millis);
}
