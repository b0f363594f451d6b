import type { RowHeights } from './row-heights';

/** The rows to render: `start` to `end` (exclusive), their block placed `top_px` down the scroll container's content. */
export interface VisibleRows {
	start: number;
	end: number;
	top_px: number;
}

/** The rows in a viewport `viewport_px` high scrolled to `scroll_top`, plus `overscan` rows either side. */
export function visibleRows(heights: RowHeights, scroll_top: number, viewport_px: number, overscan: number): VisibleRows {
	if (heights.count === 0) return { start: 0, end: 0, top_px: 0 };
	const top = Math.max(0, Math.min(scroll_top, heights.extent_px - viewport_px));
	const virtual_top = heights.virtualTop(top, viewport_px);
	const start = Math.max(0, heights.indexAt(virtual_top) - overscan);
	const last = heights.indexAt(virtual_top + viewport_px - 0.5);
	const end = Math.min(heights.count, last + 1 + overscan);
	// Relative to the scrolled position, so a squeezed scroll still lays the rows out at their own heights.
	return { start, end, top_px: top + heights.offsetOf(start) - virtual_top };
}
