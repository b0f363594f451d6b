/**
 * Greedy interval packing for labels on one axis: each span (in the given order) goes to the first row
 * where it keeps `gap` px from every span already there; returns the row of each span. Rows beyond
 * `max_rows − 1` are not opened: a label that fits nowhere takes the row where it overlaps least.
 */
export function labelRows(spans: readonly { start: number; end: number }[], gap: number, max_rows = Infinity): number[] {
	const rows: { start: number; end: number }[][] = [];
	return spans.map((span) => {
		const free = rows.findIndex((row) => row.every((other) => span.start >= other.end + gap || span.end + gap <= other.start));
		let row = free;
		if (row === -1 && rows.length < max_rows) row = rows.length;
		if (row === -1) {
			const overlap = (placed: { start: number; end: number }[]) =>
				placed.reduce((sum, other) => sum + Math.max(0, Math.min(span.end, other.end) - Math.max(span.start, other.start) + gap), 0);
			row = rows.reduce((best, placed, index) => (overlap(placed) < overlap(rows[best]) ? index : best), 0);
		}
		(rows[row] ??= []).push(span);
		return row;
	});
}
