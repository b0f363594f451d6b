import { describe, expect, it } from 'vitest';
import { RowHeights } from './row-heights';

// Ten rows estimated at 20 px, the third measured at 50: tops 0, 20, 40, 90, 110, … 210; 230 in all.
const tenRows = () => {
	const heights = new RowHeights(10, 20);
	heights.set(2, 50);
	return heights;
};

describe('RowHeights(count, estimate_px)', () => {
	it('puts each row below the heights before it, measured or estimated', () => {
		const heights = tenRows();
		expect([0, 1, 2, 3, 4, 9, 10].map((index) => heights.offsetOf(index))).toEqual([0, 20, 40, 90, 110, 210, 230]);
		expect(heights.total_px).toBe(230);
		expect(heights.heightOf(2)).toBe(50);
		expect(heights.heightOf(3)).toBe(20);
	});

	it('finds the row that holds a y: a row’s top belongs to it, its bottom to the next; y outside the rows gives the first or last', () => {
		const heights = tenRows();
		expect([-5, 0, 19.9, 20, 40, 89, 90, 229, 1000].map((y) => heights.indexAt(y))).toEqual([0, 0, 0, 1, 2, 2, 3, 9, 9]);
	});

	it('says whether a measurement changed anything, and a row measured again replaces its height', () => {
		const heights = tenRows();
		expect(heights.set(2, 50)).toBe(false);
		expect(heights.set(2, 30.5)).toBe(true);
		expect(heights.offsetOf(3)).toBe(70.5);
		expect(heights.total_px).toBe(210.5);
	});

	it('scrolls one to one while the rows fit in max_extent_px', () => {
		const heights = tenRows();
		expect(heights.extent_px).toBe(230);
		expect(heights.virtualTop(45, 50)).toBe(45);
		expect(heights.scrollTop(45, 50)).toBe(45);
	});

	it('squeezes a list taller than max_extent_px so that the top and the bottom of the scroll are the first and the last rows', () => {
		const heights = new RowHeights(1000, 20, 2000);
		expect(heights.total_px).toBe(20_000);
		expect(heights.extent_px).toBe(2000);
		expect(heights.virtualTop(0, 100)).toBe(0);
		expect(heights.virtualTop(1900, 100)).toBe(19_900);
		expect(heights.virtualTop(950, 100)).toBe(9950);
		expect(heights.scrollTop(9950, 100)).toBe(950);
	});

	it('finds rows among a million', () => {
		const heights = new RowHeights(1_000_000, 64);
		heights.set(500_000, 100);
		expect(heights.offsetOf(500_001)).toBe(32_000_100);
		expect(heights.indexAt(32_000_099)).toBe(500_000);
		expect(heights.indexAt(32_000_100)).toBe(500_001);
		expect(heights.indexAt(64_000_035)).toBe(999_999);
	});

	it('has no rows to find in an empty list', () => {
		const heights = new RowHeights(0, 20);
		expect(heights.total_px).toBe(0);
		expect(heights.indexAt(100)).toBe(0);
		expect(heights.virtualTop(0, 300)).toBe(0);
	});
});
