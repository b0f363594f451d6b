import { describe, expect, it } from 'vitest';
import { RowHeights } from './row-heights';
import { visibleRows } from './visible-rows';

// Tops 0, 20, 40, 90, 110, 130, 150, 170, 190, 210; 230 in all (the third row measured at 50 px).
const tenRows = () => {
	const heights = new RowHeights(10, 20);
	heights.set(2, 50);
	return heights;
};

describe('visibleRows(heights, scroll_top, viewport_px, overscan)', () => {
	it('gives the rows in view (y 45 to 95: rows 2 and 3) and one more either side, placed at the top of the first', () => {
		expect(visibleRows(tenRows(), 45, 50, 1)).toEqual({ start: 1, end: 5, top_px: 20 });
	});

	it('stops at the first row at the top', () => {
		expect(visibleRows(tenRows(), 0, 50, 2)).toEqual({ start: 0, end: 5, top_px: 0 });
	});

	it('ends with the last row at the bottom, and a scroll past the end (a stale scrollTop) counts as the bottom', () => {
		expect(visibleRows(tenRows(), 180, 50, 1)).toEqual({ start: 6, end: 10, top_px: 150 });
		expect(visibleRows(tenRows(), 500, 50, 1)).toEqual({ start: 6, end: 10, top_px: 150 });
	});

	it('does not count a row whose top is exactly at the bottom of the view', () => {
		expect(visibleRows(tenRows(), 0, 90, 0)).toEqual({ start: 0, end: 3, top_px: 0 });
	});

	it('shows every row of a list shorter than the view', () => {
		expect(visibleRows(new RowHeights(3, 20), 0, 500, 4)).toEqual({ start: 0, end: 3, top_px: 0 });
	});

	it('in a squeezed list, places the rows around the scrolled position at their own heights', () => {
		// 1000 rows of 20 px in 2000 px: scrollTop 950 of 1900 is y 9950 of 19900, 10 px into row 497.
		const heights = new RowHeights(1000, 20, 2000);
		expect(visibleRows(heights, 950, 100, 2)).toEqual({ start: 495, end: 505, top_px: 900 });
		expect(visibleRows(heights, 1900, 100, 2)).toEqual({ start: 993, end: 1000, top_px: 1860 });
	});

	it('has nothing to show without rows', () => {
		expect(visibleRows(new RowHeights(0, 20), 0, 300, 4)).toEqual({ start: 0, end: 0, top_px: 0 });
	});
});
