import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalSvg } from '../figures/canonical-svg.test-helper';
import { serverChartMarkup } from '../figures/server-chart-markup';
import ActivityHeatmap from './ActivityHeatmap.svelte';

const heatmap = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/charts/heatmap__62-members_26-months_roles.json'), 'utf8'));

describe('ActivityHeatmap', () => {
	it('draws 62 members × 26 months in the given row order with a binned legend, tall enough to read every name', async () => {
		const svg = canonicalSvg(serverChartMarkup(ActivityHeatmap, heatmap));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/activity-heatmap__62-members_26-months.svg');
		const cells = svg.match(/<rect fill="#[0-9a-f]{6}" height="[\d.]+" width="[\d.]+" x="[\d.]+" y="0.5"\/>/g) ?? [];
		expect(cells.length).toBe(62 * 26);
		const names = [...svg.matchAll(/text-anchor="end" x="[^"]+" y="[^"]+">([^<]+)<\/text>/g)].map((match) => match[1]);
		expect(names.slice(0, 3)).toEqual(['M01 Mentor', 'S24', 'S07']);
		expect(names.length).toBe(62);
		expect(Number(/^<svg [^>]*height="(\d+)"/m.exec(svg)?.[1])).toBeGreaterThan(62 * 14);
		for (const bin of ['>0<', '>1<', '>2–4<', '>200+<']) expect(svg).toContain(bin);
	});
});
