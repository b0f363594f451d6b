import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import ActivityHeatmap, { type HeatmapRow } from '../charts/ActivityHeatmap.svelte';
import { locale } from '../i18n/locale';
import { canonicalSvg } from './canonical-svg.test-helper';
import type { FigureSpec } from './figure-spec';
import { fittedSlide } from './fitted-slide';
import { serverChartMarkup } from './server-chart-markup';

const heatmap: { periods: string[]; rows: HeatmapRow[] } = JSON.parse(
	readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/charts/heatmap__62-members_26-months_roles.json'), 'utf8')
);
const members: FigureSpec = { name: 'member-activity', title: 'Messages per member and month', caption: 'Rows: members.', component: ActivityHeatmap, props: heatmap, rows: [] };

afterEach(() => locale.set('en'));

/** The heatmap's SVG height and the names on its rows. */
function drawn(props: object, height: number): { height: number; names: string[] } {
	const svg = canonicalSvg(serverChartMarkup(ActivityHeatmap, { ...props, width: 1224, height, presentation: true }));
	return {
		height: Number(/^<svg [^>]*height="([\d.]+)"/m.exec(svg)?.[1]),
		names: [...svg.matchAll(/text-anchor="end" x="[^"]+" y="[^"]+">([^<]+)<\/text>/g)].map((match) => match[1])
	};
}

describe('fittedSlide(spec, chart_height)', () => {
	it('keeps the 22 most active of 62 members in their order for a 600 px chart, and says so in the caption', () => {
		// Presentation type: rows of ceil(18 × 0.85 × 1.3) = 20 px under a role legend (82.8 px) and above the axis (59.4 px),
		// with 18 px of gaps: 160.2 + 22 × 20 = 600.2, which the heatmap rounds to 600. By messages the 22nd is row 20 (123 messages);
		// row 44 (129) is the 17th, row 21 (122) the 23rd.
		const slide = fittedSlide(members, 600);
		const rows = (slide.props as { rows: HeatmapRow[] }).rows;
		expect(rows.map((row) => row.id)).toEqual([...heatmap.rows.slice(0, 21), heatmap.rows[44]].map((row) => row.id));
		expect(slide.caption).toBe('Rows: members. The 22 most active of 62 members.');
		expect(slide.title).toBe(members.title);
	});

	it('leaves the rows at their readable size: the 22 fill the 600 px asked for, a 23rd would make the chart taller', () => {
		const slide = fittedSlide(members, 600);
		const fitted = drawn(slide.props, 600);
		expect(fitted.height).toBe(600);
		expect(fitted.names.length).toBe(22);
		const rows = (slide.props as { rows: HeatmapRow[] }).rows;
		expect(drawn({ ...heatmap, rows: [...rows, heatmap.rows[21]] }, 600).height).toBeGreaterThan(600);
	});

	it('says it in Chinese when the interface is Chinese', () => {
		locale.set('zh-CN');
		expect(fittedSlide({ ...members, caption: '行：成员。' }, 600).caption).toBe('行：成员。图中为发言最多的 22 位成员（共 62 位）。');
	});

	it('leaves a heatmap whose members all fit, and every other figure, as it is', () => {
		const few = { ...members, props: { ...heatmap, rows: heatmap.rows.slice(0, 5) } };
		expect(fittedSlide(few, 600)).toBe(few);
		const other: FigureSpec = { ...members, name: 'retention' };
		expect(fittedSlide(other, 600)).toBe(other);
	});
});
