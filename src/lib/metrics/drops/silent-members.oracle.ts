import { quantile } from '../algorithms/quantile';

/** A member whose time since their last message is longer than both their own usual gap and the floor. */
export interface SilentMember {
	author_id: string;
	author_name: string;
	last_message_at: string;
	/** Days (fractional) from the last message to `as_of`. */
	days_silent: number;
	/** 95th percentile of the member's gaps between consecutive messages, in days; null below 3 messages. */
	usual_gap_days: number | null;
}

export interface MemberMessageDates {
	author_id: string;
	author_name: string;
	/** Wall-clock `YYYY-MM-DD[ HH:MM[:SS[.fff]]]` of each message. */
	message_dates: readonly string[];
}

const DAY_MS = 86_400_000;

/**
 * The test oracle of silent-member-rule.sql, for the tests only: members gone silent at `as_of`: days since their last message > their own 95th-percentile gap
 * (numpy-style linear quantile) and ≥ `min_days` (default 14); with fewer than 3 messages the floor alone
 * decides. Members with no message are left out; sorted by days_silent, longest first.
 */
export function silentMembers(
	members: readonly MemberMessageDates[],
	as_of: string,
	options: { min_days?: number } = {}
): SilentMember[] {
	const { min_days = 14 } = options;
	const as_of_ms = wallClockMs(as_of);
	const silent: SilentMember[] = [];
	for (const { author_id, author_name, message_dates } of members) {
		if (message_dates.length === 0) continue;
		const times = message_dates.map((date) => ({ date, ms: wallClockMs(date) })).sort((a, b) => a.ms - b.ms);
		const last = times[times.length - 1];
		const days_silent = (as_of_ms - last.ms) / DAY_MS;
		// One or two gaps say little about someone's rhythm, so their 95th percentile is not trusted.
		const usual_gap_days =
			times.length < 3 ? null : quantile(times.slice(1).map((time, i) => (time.ms - times[i].ms) / DAY_MS), 0.95);
		if (days_silent >= min_days && (usual_gap_days === null || days_silent > usual_gap_days)) {
			silent.push({ author_id, author_name, last_message_at: last.date, days_silent, usual_gap_days });
		}
	}
	return silent.sort(
		(a, b) => b.days_silent - a.days_silent || (a.author_id < b.author_id ? -1 : a.author_id > b.author_id ? 1 : 0)
	);
}

// Wall-clock times carry no zone; reading them all as UTC keeps differences free of DST jumps.
function wallClockMs(text: string): number {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(text.trim());
	if (!match) throw new RangeError(`silentMembers: not a wall-clock time: ${text}`);
	const [, year, month, day, hour = '0', minute = '0', second = '0', millis = '0'] = match;
	return Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, +millis.padEnd(3, '0'));
}
