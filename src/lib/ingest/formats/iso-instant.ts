import { naiveTimestamp } from './naive-timestamp';

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Epoch milliseconds of an ISO 8601 time that carries its offset (`2023-11-07T22:16:25.1234567+02:00`, `…Z`),
 * or null when `text` has no offset or is not a real calendar time. Fractions beyond milliseconds are dropped.
 */
export function isoInstant(text: string): number | null {
	const match = ISO_WITH_OFFSET.exec(text.trim());
	if (!match) return null;
	const [, year, month, day, hour, minute, second = '0', fraction = '', offset] = match;
	if (!naiveTimestamp(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second))) return null;
	let offset_minutes = 0;
	if (offset.toUpperCase() !== 'Z') {
		const digits = offset.slice(1).replace(':', '');
		offset_minutes = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * (offset[0] === '-' ? -1 : 1);
	}
	const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
	const as_utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
	return as_utc - offset_minutes * 60_000;
}
