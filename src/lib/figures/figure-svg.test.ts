import { describe, expect, it } from 'vitest';
import LorenzChart from '../charts/LorenzChart.svelte';
import { chartFigure } from './chart-figure';
import { figureLayout } from './figure-layout';
import { figureSvg } from './figure-svg';
import { serverChartMarkup } from './server-chart-markup';

const lorenz = { points: [{ population_share: 0, value_share: 0 }, { population_share: 0.5, value_share: 0.2 }, { population_share: 1, value_share: 1 }], gini: 0.3 };
const options = { title: 'How evenly students talk', caption: 'Counted: text messages. Times in UTC. 2021-01 – 2021-12.', width: 600, height: 640 };

describe('figureSvg', () => {
	it('makes a standalone document: XML declaration, xmlns, font stack, white background, title, chart, caption, title/desc', () => {
		const svg = chartFigure(serverChartMarkup, LorenzChart, lorenz, options);
		expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" aria-labelledby="figure-1 figure-2" font-family="\'Helvetica Neue\'')).toBe(true);
		expect(svg).toContain('<title id="figure-1">How evenly students talk</title>');
		expect(svg).toMatch(/<desc id="figure-2">How evenly students talk\. Lorenz curve of messages [^<]*Counted: text messages\. Times in UTC\. 2021-01 – 2021-12\.<\/desc>/);
		expect(svg).toContain('<rect fill="white" height="640" width="600"/>');
		expect(svg).toMatch(/<text fill="#1a1a1a" font-size="20" font-weight="700" [^>]*><tspan [^>]*>How evenly students talk<\/tspan><\/text>/);
		expect(svg).toMatch(/<text fill="#444444" font-size="13" [^>]*><tspan [^>]*>Counted: text messages\. Times in UTC\. 2021-01 – 2021-12\.<\/tspan><\/text>/);
		const { chart } = figureLayout(options);
		expect(svg).toContain(`<svg height="${chart.height}" preserveAspectRatio="xMidYMid meet" viewBox="0 0 ${chart.width} ${chart.height}" width="${chart.width}" x="${chart.x}" y="${chart.y}">`);
		expect(svg.match(/<title/g)?.length).toBe(1);
	});

	it('gives the same bytes for the same chart, options and size, and different bytes for another title', () => {
		const first = chartFigure(serverChartMarkup, LorenzChart, lorenz, options);
		expect(chartFigure(serverChartMarkup, LorenzChart, structuredClone(lorenz), { ...options })).toBe(first);
		expect(chartFigure(serverChartMarkup, LorenzChart, lorenz, { ...options, title: 'Another' })).not.toBe(first);
	});

	it('wraps a long title and caption to the width, and makes type larger in presentation mode', () => {
		const long = { ...options, title: 'A long title that will certainly not fit on one line of a six hundred pixel wide figure', caption: 'word '.repeat(60) };
		const layout = figureLayout(long);
		expect(layout.title.lines.length).toBe(2);
		expect(layout.caption.lines.length).toBeGreaterThan(2);
		const presentation = figureLayout({ ...long, presentation: true });
		expect(presentation.title.font_size).toBeGreaterThan(layout.title.font_size);
		expect(presentation.chart.height).toBeLessThan(layout.chart.height);
		const svg = figureSvg(serverChartMarkup(LorenzChart, { ...lorenz, width: layout.chart.width, height: layout.chart.height }), long);
		expect(svg.match(/<tspan /g)?.length).toBe(layout.title.lines.length + layout.caption.lines.length);
	});

	it('grows the figure when the chart is taller than the space left, keeping the chart at its own size', () => {
		const svg = figureSvg('<svg width="582" height="900" viewBox="0 0 582 900"></svg>', { ...options, height: 560 });
		const { chart } = figureLayout(options);
		const grown = 560 + Math.ceil(900 - figureLayout({ ...options, height: 560 }).chart.height);
		expect(svg).toContain(`height="${grown}" role="img" viewBox="0 0 600 ${grown}"`);
		expect(svg).toMatch(/<svg height="900(\.\d+)?" preserveAspectRatio="xMidYMid meet" viewBox="0 0 582 900"/);
		expect(chart.width).toBe(582);
	});

	it('escapes text from the user in the title and caption', () => {
		const svg = figureSvg('<svg width="10" height="10"></svg>', { ...options, title: 'A <script> & "quotes"', caption: '' });
		expect(svg).toContain('<title id="figure-1">A &lt;script&gt; &amp; "quotes"</title>');
		expect(svg).not.toContain('<script>');
		expect(svg).not.toContain('#444444');
	});
});
