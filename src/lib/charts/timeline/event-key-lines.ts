import type { PlacedEvent } from '../event-label-layout';
import { periodName } from '../period-name';
import { shortenedLabel } from '../shortened-label';
import { textWidth } from '../text-width';

/** One entry of the event key: the number on the chart and the event's date and name. */
export interface EventKeyEntry {
	number: string;
	text: string;
}

/** Numbered events named in lines under the axis, each entry kept whole on one line of at most `width` px. */
export function eventKeyLines(events: readonly PlacedEvent[], width: number, font_size: number): EventKeyEntry[][] {
	const lines: EventKeyEntry[][] = [];
	const lineWidth = (line: EventKeyEntry[]) => textWidth(line.map((entry) => `${entry.number} ${entry.text}`).join(' · '), font_size);
	for (const [index, event] of events.entries()) {
		const number = String(index + 1);
		const text = shortenedLabel(`${periodName(event.date, 'day')}: ${event.full_label}`, width - textWidth(`${number} `, font_size), font_size);
		const entry = { number, text };
		const last = lines[lines.length - 1];
		if (last && lineWidth([...last, entry]) <= width) last.push(entry);
		else lines.push([entry]);
	}
	return lines;
}
