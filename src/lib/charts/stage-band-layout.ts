import type { PeriodScale } from './period-scale';
import type { StageBand } from './stage-band';
import { textWidth } from './text-width';

/** A stage band clipped to the plot, with its name shortened to fit its width (empty when nothing fits). */
export interface PlacedStageBand {
	name: string;
	/** The full name, for the text alternative. */
	full_name: string;
	x0: number;
	x1: number;
	shaded: boolean;
}

/**
 * Stage bands in px between 0 and `width` (stages entirely outside are left out), every other one shaded so
 * that neighbours stay apart; names get an ellipsis when longer than the band.
 */
export function stageBandLayout(stages: readonly StageBand[], scale: PeriodScale, width: number, font_size: number): PlacedStageBand[] {
	return stages.flatMap((stage, index) => {
		const x0 = Math.max(0, scale.date(stage.start));
		const x1 = Math.min(width, scale.date(stage.end, 'end'));
		if (!(x1 > x0)) return [];
		const room = x1 - x0 - font_size * 0.6;
		let name = stage.name;
		if (textWidth(name, font_size) > room) {
			while (name && textWidth(name + '…', font_size) > room) name = [...name].slice(0, -1).join('');
			name = name ? name.trimEnd() + '…' : '';
		}
		return [{ name, full_name: stage.name, x0, x1, shaded: index % 2 === 0 }];
	});
}
