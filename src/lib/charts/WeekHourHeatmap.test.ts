import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalSvg } from '../figures/canonical-svg.test-helper';
import { serverChartMarkup } from '../figures/server-chart-markup';
import WeekHourHeatmap from './WeekHourHeatmap.svelte';

const week = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/charts/week-hours__mon-09h-7_tue-21h-123_sun-23h-1.json'), 'utf8'));

function cells(svg: string) {
	return [...svg.matchAll(/<rect fill="(#[0-9a-f]{6})" height="([\d.]+)" width="([\d.]+)" x="([\d.]+)" y="([\d.]+)"\/>/g)].map((match) => ({
		fill: match[1],
		x: Number(match[4]),
		y: Number(match[5])
	}));
}

describe('WeekHourHeatmap', () => {
	it('draws 7 weekday rows, Monday first, of 24 hours, each cell coloured by its bin', async () => {
		const svg = canonicalSvg(serverChartMarkup(WeekHourHeatmap, { ...week, width: 640, height: 300 }));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/week-hour-heatmap__3-busy-hours.svg');
		const drawn = cells(svg);
		expect(drawn).toHaveLength(7 * 24);
		const columns = [...new Set(drawn.map((cell) => cell.x))];
		const rows = [...new Set(drawn.map((cell) => cell.y))];
		expect([columns.length, rows.length]).toEqual([24, 7]);
		const at = (weekday: number, hour: number) => drawn[weekday * 24 + hour];
		expect(at(0, 9).fill).toBe('#c6dbef');
		expect(at(1, 21).fill).toBe('#08306b');
		expect(at(6, 23).fill).toBe('#c6dbef');
		expect(drawn.filter((cell) => cell.fill !== '#f0f0f0')).toEqual([at(0, 9), at(1, 21), at(6, 23)]);
		expect(at(1, 21).x).toBe(columns[21]);
		expect(at(1, 21).y).toBe(rows[1]);
		const names = [...svg.matchAll(/text-anchor="end" x="[^"]+" y="[^"]+">([A-Z][a-z]{2})<\/text>/g)].map((match) => match[1]);
		expect(names).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
		const legend = [...svg.matchAll(/text-anchor="middle" x="[^"]+" y="[^"]+">([^<]+)<\/text>/g)].map((match) => match[1]).filter((text) => !/^\d\d$/.test(text));
		expect(legend).toEqual(['0', '1–19', '20–39', '40–59', '60–79', '80–99', '100–119', '120–123']);
		expect(svg).toContain('up to 123 in Tue 21:00–22:00.');
	});

	it('labels every hour when the columns are wide enough, every third when they are narrow', () => {
		const hour_labels = (width: number) =>
			[...canonicalSvg(serverChartMarkup(WeekHourHeatmap, { ...week, width, height: 300 })).matchAll(/>(\d\d)<\/text>/g)].map((match) => match[1]);
		expect(hour_labels(900)).toHaveLength(24);
		expect(hour_labels(260)).toEqual(['00', '03', '06', '09', '12', '15', '18', '21']);
	});

	it('escapes a label given as markup instead of drawing it', () => {
		const svg = serverChartMarkup(WeekHourHeatmap, { ...week, value_label: '<img src=x onerror=alert(1)>' });
		expect(svg).not.toContain('<img');
		expect(svg).toContain('&lt;img');
	});
});
