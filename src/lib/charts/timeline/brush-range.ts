import type { TimelineSelection } from './timeline-types';

/** The first and last label of a selection, whichever way it was dragged. */
export function brushRange(selection: TimelineSelection, labels: readonly string[]): [string, string] {
	return [labels[Math.min(selection.from, selection.to)], labels[Math.max(selection.from, selection.to)]];
}
