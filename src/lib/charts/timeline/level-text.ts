import { format } from 'd3';
import type { TimelineChangePoint } from './timeline-types';

const count = format(',d');

/** A change in level as the chart labels it: `↓ 420 → 180`. */
export function levelText(change: TimelineChangePoint): string {
	return `${change.direction === 'down' ? '↓' : '↑'} ${count(Math.round(change.mean_before))} → ${count(Math.round(change.mean_after))}`;
}
