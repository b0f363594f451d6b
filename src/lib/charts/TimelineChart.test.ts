import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalSvg } from '../figures/canonical-svg.test-helper';
import { serverChartMarkup } from '../figures/server-chart-markup';
import { locale } from '../i18n/locale';
import { textWidth } from './text-width';
import TimelineChart from './TimelineChart.svelte';

const fixture = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/charts', name), 'utf8'));
const months = fixture('timeline__26-months_likes_2-peaks_3-stages_6-events.json');
const weeks = fixture('timeline__weeks_line_no-likes_peaks_stages.json');
const count = (svg: string, pattern: RegExp) => svg.match(pattern)?.length ?? 0;

describe('TimelineChart', () => {
	it('draws 26 months as bars with likes on a right axis, labelled peaks, levels, stage bands and events', async () => {
		const svg = canonicalSvg(serverChartMarkup(TimelineChart, { ...months, title: 'Messages per month' }));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/timeline-chart__months_likes_peaks_levels_stages_events.svg');
		expect(svg).toContain('>Mar 2021 · 788</text>');
		expect(svg).toContain('>Nov 2021 · 706</text>');
		expect(svg).toContain('>Mentor task: case report</text>');
		expect(count(svg, /font-style="italic"/g)).toBe(3);
		expect(count(svg, /stroke-dasharray="5 3"/g)).toBe(months.events.length + 1);
		expect(svg).toContain('>Likes per month</text>');
		expect(svg).toMatch(/aria-label="Messages per month\. Bar chart of messages per month from Sep 2020 to Oct 2022, with likes/);
	});

	it('on a phone (330 px) keeps the value axis to the data: no rotated axis titles, event names cut to fit, peak labels dropped before the axis stretches', () => {
		const svg = serverChartMarkup(TimelineChart, { ...months, width: 330, title: 'Messages per month' });
		const left_ticks = [...svg.matchAll(/text-anchor="end"[^>]*>([0-9,]+)<\/text>/g)].map((match) => Number(match[1].replace(/,/g, '')));
		// 788 messages at the highest: the axis ends at 800, where on a phone it used to run to 2,000 to make room for labels
		expect(Math.max(...left_ticks)).toBe(800);
		expect(svg).not.toContain('>Likes per month</text>');
		expect(svg).not.toContain('>Messages per month</text>');
		expect(svg).toContain('>Mar 2021 · 788</text>');
		expect(svg).not.toContain('>Mentor task: case report</text>');
		expect(svg).toMatch(/3 Nov 2021: Mentor task: journal club pre[a-z]*…/);
		const wide = serverChartMarkup(TimelineChart, { ...months, width: 1000, title: 'Messages per month' });
		expect(wide).toContain('>Likes per month</text>');
		expect(wide).toContain('>Mentor task: case report</text>');
	});

	it('on a phone in Chinese, a peak label stacked above a neighbour clears it instead of sitting at its height', () => {
		locale.set('zh-CN');
		try {
			const svg = serverChartMarkup(TimelineChart, { ...months, width: 390, title: '每月消息数' });
			const font_size = Number(/font-size="([\d.]+)" font-weight="600"/.exec(svg)![1]);
			const boxes = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.-]+)" text-anchor="middle" font-size="[\d.]+" font-weight="600"[^>]*>([^<]+)<\/text>/g)].map(([, x, y, text]) => {
				const half = textWidth(text, font_size) / 2;
				return { text, x0: Number(x) - half, x1: Number(x) + half, y0: Number(y) - font_size, y1: Number(y) };
			});
			expect(boxes.map((box) => box.text)).toEqual(['2021年3月 · 788', '2021年11月 · 706']);
			const [a, b] = boxes;
			const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
			expect(overlap).toBe(false);
		} finally {
			locale.set('en');
		}
	});

	it('draws partial first and last months hatched, a fitted decline instead of level steps, and reads a partial month per covered day', async () => {
		const points = months.points.map((point: { label: string }, index: number) => ({
			...point,
			coverage: index === 0 ? 6 / 30 : index === months.points.length - 1 ? 1 / 31 : 1
		}));
		const trend = { from_label: '2021-10', to_label: '2022-09', start_level: 461.8, end_level: 149.3, rate_per_period: -0.0895 };
		const svg = canonicalSvg(serverChartMarkup(TimelineChart, { ...months, points, change_points: [], trend, title: 'Messages per month' }));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/timeline-chart__partial-months_trend.svg');
		expect(count(svg, /fill="url\(#id-\d+\)"/g)).toBe(2);
		expect(svg).toContain('>Trend: declining about 9% a month</text>');
		expect(svg).toContain('>Partial month (&lt; 80% of its days in the data)</text>');
		expect(svg).toContain('Partial months (hatched): Sep 2020, Oct 2022.');
		expect(svg).not.toContain('Changes in level');
	});

	it('draws 114 weeks as a line, and puts the readout and hover targets only in the interactive layer', async () => {
		const markup = serverChartMarkup(TimelineChart, { ...weeks, grain: 'week', title: 'Messages per week' });
		const svg = canonicalSvg(markup);
		await expect(svg).toMatchFileSnapshot('./__snapshots__/timeline-chart__weeks_line_peaks_stages.svg');
		expect(svg).toContain('>week of 1 Mar 2021 · 261</text>');
		expect(count(markup, /fill="transparent"/g)).toBe(weeks.points.length);
		expect(svg).not.toContain('transparent');
		expect(svg).not.toContain('tabindex');
	});

	it('in presentation mode has larger type, three gridlines and no interactive layer', async () => {
		const markup = serverChartMarkup(TimelineChart, { ...months, presentation: true, width: 1280, height: 720 });
		await expect(canonicalSvg(markup)).toMatchFileSnapshot('./__snapshots__/timeline-chart__presentation.svg');
		expect(markup).not.toContain('data-interactive');
		expect(markup).not.toContain('tabindex');
		expect(markup).toContain('font-size="18"');
	});

	it('numbers crowded events on the chart and names them in a key under the axis', async () => {
		const events = Array.from({ length: 12 }, (_, index) => ({ date: `2021-${String(index + 1).padStart(2, '0')}-10`, label: `Event number ${index + 1} with a long name` }));
		const svg = canonicalSvg(serverChartMarkup(TimelineChart, { ...months, events, change_points: [], title: 'Crowded events' }));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/timeline-chart__12-crowded-events.svg');
		for (let number = 1; number <= 12; number++) expect(svg).toContain(`<tspan font-weight="700">${number}</tspan> 10 `);
		expect(svg).toContain('<tspan font-weight="700">3</tspan> 10 Mar 2021: Event number 3 with a long name');
		expect(svg).not.toContain('>Event number 3 with a long name</text>');
	});

	it('draws an empty series without failing', () => {
		expect(canonicalSvg(serverChartMarkup(TimelineChart, { points: [] }))).toContain('No data.');
	});
});
