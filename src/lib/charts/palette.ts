/**
 * The colours every chart uses: the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies and in greyscale by lightness) for categories, ColorBrewer Blues for counts, and the
 * greys of axes, grids and stage bands.
 */
export const palette = {
	okabe_ito: ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'],
	/** Bars of a count series and its highlighted (peak, active) bars. */
	series: '#56B4E9',
	series_strong: '#0072B2',
	/** A second series on the right axis (likes). */
	secondary: '#D55E00',
	roles: { mentor: '#D55E00', student: '#0072B2', other: '#CC79A7', unknown: '#999999' } as Record<string, string>,
	/** Link directions of the share chart. */
	links: { mentor_to_student: '#D55E00', student_to_mentor: '#E69F00', student_to_student: '#0072B2' },
	/** ColorBrewer Blues, light to dark (9 classes); 0 gets `empty`. */
	sequential: ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'],
	empty: '#f0f0f0',
	ink: '#1a1a1a',
	muted: '#555555',
	grid: '#e0e0e0',
	axis: '#333333',
	stage_fill: '#000000',
	stage_fill_opacity: 0.055,
	event: '#444444',
	annotation: '#000000'
};
