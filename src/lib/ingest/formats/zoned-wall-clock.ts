import { offsetMinutesAt, wallClock } from '../time/wall-clock';

const BUCKET_MS = 15 * 60_000;

/**
 * `wallClock` for many instants in one zone, about 20× faster: a zone's offset is looked up once per
 * 15-minute UTC bucket. Offset changes fall on those boundaries in every zone in use; a bucket whose two
 * ends disagree anyway falls back to `wallClock` for each instant in it.
 */
export function zonedWallClock(zone: string): (epoch_ms: number) => string {
	const offsets = new Map<number, number | null>();
	return (epoch_ms) => {
		const bucket = Math.floor(epoch_ms / BUCKET_MS);
		let offset = offsets.get(bucket);
		if (offset === undefined) {
			const start = offsetMinutesAt(bucket * BUCKET_MS, zone);
			offset = start === offsetMinutesAt((bucket + 1) * BUCKET_MS - 1, zone) ? start : null;
			offsets.set(bucket, offset);
		}
		if (offset === null || epoch_ms % 1000 !== 0) return wallClock(epoch_ms, zone);
		const iso = new Date(epoch_ms + offset * 60_000).toISOString();
		return iso.slice(0, 10) + ' ' + iso.slice(11, 19);
	};
}
