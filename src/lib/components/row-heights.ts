/**
 * The heights in px of `count` list rows, estimated until measured, and the map between the list's own
 * (virtual) y and the scroll container's scrollTop, which is squeezed when the list is taller than `max_extent_px`.
 */
export class RowHeights {
	readonly count: number;
	readonly estimate_px: number;
	readonly #max_extent_px: number;
	// A Fenwick tree of the heights: a row's top and the row at a y in O(log count), for a million rows.
	readonly #tree: Float64Array;
	#total_px: number;

	constructor(count: number, estimate_px: number, max_extent_px = 10_000_000) {
		this.count = count;
		this.estimate_px = estimate_px;
		this.#max_extent_px = max_extent_px;
		this.#tree = new Float64Array(count + 1);
		for (let node = 1; node <= count; node++) this.#tree[node] = estimate_px * (node & -node);
		this.#total_px = count * estimate_px;
	}

	/** The height of all rows. */
	get total_px(): number {
		return this.#total_px;
	}

	/** The height of the scroll container's content: the total, at most `max_extent_px`. */
	get extent_px(): number {
		return Math.min(this.#total_px, this.#max_extent_px);
	}

	/** The y of the top of row `index` (the sum of the rows before it); `count` gives the total. */
	offsetOf(index: number): number {
		let sum = 0;
		for (let node = Math.max(0, Math.min(index, this.count)); node > 0; node -= node & -node) sum += this.#tree[node];
		return sum;
	}

	heightOf(index: number): number {
		return this.offsetOf(index + 1) - this.offsetOf(index);
	}

	/** Records the measured height of row `index`; true when it changed. */
	set(index: number, height_px: number): boolean {
		const change = height_px - this.heightOf(index);
		if (change === 0) return false;
		for (let node = index + 1; node <= this.count; node += node & -node) this.#tree[node] += change;
		this.#total_px += change;
		return true;
	}

	/** The row that holds y (the last row whose top is at or above y), clamped to the rows there are; 0 without rows. */
	indexAt(y: number): number {
		let node = 0;
		let sum = 0;
		for (let step = 2 ** Math.floor(Math.log2(Math.max(1, this.count))); step > 0; step >>= 1) {
			const next = node + step;
			if (next <= this.count && sum + this.#tree[next] <= y) {
				node = next;
				sum += this.#tree[next];
			}
		}
		return Math.max(0, Math.min(node, this.count - 1));
	}

	/** The list's y at the top of a viewport `viewport_px` high scrolled to `scroll_top`. */
	virtualTop(scroll_top: number, viewport_px: number): number {
		const [list, scroll] = this.#scrollable(viewport_px);
		return (scroll_top * list) / scroll;
	}

	/** The scrollTop that brings the list's y `virtual_top` to the top of the viewport. */
	scrollTop(virtual_top: number, viewport_px: number): number {
		const [list, scroll] = this.#scrollable(viewport_px);
		return (virtual_top * scroll) / list;
	}

	// How far the list and the scroll container can scroll: the same unless the list is taller than the container allows.
	#scrollable(viewport_px: number): [list_px: number, scroll_px: number] {
		const scroll = this.extent_px - viewport_px;
		return scroll > 0 ? [this.#total_px - viewport_px, scroll] : [1, 1];
	}
}
