import { FIGURE_FAMILIES, figureList, type Figures } from './figure-id';
import type { FigureSpec } from './figure-spec';

// The dashboard's tabs, left to right: a talk walks through the figures in the order a reader of the dashboard meets them.
const ORDER: readonly string[] = FIGURE_FAMILIES;

/** The slides of presentation mode: one per figure, in tab order, each whole-dataset figure followed by its per-stage ones; a figure of unknown name comes last. */
export function slideList(figures: Figures): FigureSpec[] {
	// Two places per family: the whole dataset, then its stages.
	const rank = (name: string) => {
		const position = ORDER.findIndex((family) => name === family || name.startsWith(`${family}-stage-`));
		return position === -1 ? 2 * ORDER.length : 2 * position + (name === ORDER[position] ? 0 : 1);
	};
	// Array.prototype.sort is stable: stages keep the order dashboardFigures gives them.
	return figureList(figures).sort((a, b) => rank(a.name) - rank(b.name));
}
