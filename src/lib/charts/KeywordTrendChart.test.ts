import { describe, expect, it } from 'vitest';
import { canonicalSvg } from '../figures/canonical-svg.test-helper';
import { serverChartMarkup } from '../figures/server-chart-markup';
import { wilsonInterval } from '../metrics/algorithms/wilson-interval';
import KeywordTrendChart from './KeywordTrendChart.svelte';

const point = (label: string, matching: number, messages: number) => ({
	label,
	messages,
	matching,
	share: messages > 0 ? matching / messages : null,
	share_ci: wilsonInterval(matching, messages)
});
// Jan 10 of 40, Feb no messages, Mar 3 of 30, Apr 4 of 8: the axis follows the periods with at least 30 messages
// (25% × 1.2, niced to 30%), so April's 50% of only 8 messages is marked above it.
const all = { label: 'All counted messages', color: '#0072B2', points: [point('2021-01', 10, 40), point('2021-02', 0, 0), point('2021-03', 3, 30), point('2021-04', 4, 8)] };
const count = (svg: string, pattern: RegExp) => svg.match(pattern)?.length ?? 0;

describe('KeywordTrendChart', () => {
	it('draws the share per month as a line broken by the month without messages, over its Wilson band, the axis up to 30% with the 50% of 8 messages marked above it', async () => {
		const markup = serverChartMarkup(KeywordTrendChart, { lines: [all], query_label: '“考试”', title: 'Share of messages matching “考试”', width: 640, height: 360 });
		const svg = canonicalSvg(markup);
		await expect(svg).toMatchFileSnapshot('./__snapshots__/keyword-trend-chart__4-months_empty-february.svg');
		const line = svg.match(/<path d="([^"]+)" fill="none" stroke="#0072B2"/)![1];
		// January stands alone (a one-point segment, its interval a short bar), March–April is a segment of its own.
		expect(line.match(/M/g)).toHaveLength(2);
		expect(count(svg, /<path d="M[^"]+Z" fill="#0072B2" fill-opacity="0.18"/g)).toBe(1);
		expect(count(svg, /<rect [^>]*fill="#0072B2" fill-opacity="0.18"/g)).toBe(1);
		expect(count(svg, /<circle cx="[^"]+" cy="[^"]+" fill="#0072B2"/g)).toBe(2);
		expect(count(svg, /<path d="M[^"]+z" fill="#0072B2" stroke="white"/g)).toBe(1);
		expect(svg).toContain('>Above the axis (fewer than 30 messages)</text>');
		expect(svg).not.toContain('Hollow');
		expect([...svg.matchAll(/>(\d+%)<\/text>/g)].map((match) => match[1])).toEqual(['0%', '5%', '10%', '15%', '20%', '25%', '30%']);
		expect(svg).toContain('>95% interval (Wilson)</text>');
		expect(svg).toContain('All counted messages highest in Apr 2021 at 50% (4 of 8).');
		expect(count(markup, /fill="transparent"/g)).toBe(4);
		expect(svg).not.toContain('transparent');
	});

	it('draws one line per role in the role’s colour, each over its own band, and names the roles in the legend', () => {
		const mentor = { label: 'mentor', color: '#D55E00', points: [point('2021-01', 2, 4), point('2021-02', 0, 0), point('2021-03', 0, 3), point('2021-04', 1, 2)] };
		const student = { label: 'student', color: '#0072B2', points: [point('2021-01', 3, 16), point('2021-02', 0, 0), point('2021-03', 1, 7), point('2021-04', 3, 6)] };
		const svg = canonicalSvg(serverChartMarkup(KeywordTrendChart, { lines: [mentor, student], query_label: '“exam”', width: 640, height: 360 }));
		for (const color of ['#D55E00', '#0072B2']) {
			expect(count(svg, new RegExp(`<path d="[^"]+" fill="none" stroke="${color}"`, 'g'))).toBe(1);
			expect(count(svg, new RegExp(`<path d="M[^"]+Z" fill="${color}" fill-opacity="0.1"`, 'g'))).toBe(1);
		}
		expect(svg).toContain('>mentor</text>');
		expect(svg).toContain('>student</text>');
		// Every period has fewer than 30 messages here: hollow points, the axis from all shares.
		expect(svg).toContain('>Hollow: fewer than 30 messages</text>');
		expect(count(svg, /<circle cx="[^"]+" cy="[^"]+" fill="white" [^>]*stroke="#D55E00"/g)).toBe(3);
		expect(svg).toContain('mentor highest in Jan 2021 at 50% (2 of 4); student highest in Apr 2021 at 50% (3 of 6).');
	});

	it('in presentation mode has no interactive layer', () => {
		const markup = serverChartMarkup(KeywordTrendChart, { lines: [all], query_label: '“考试”', presentation: true, width: 1280, height: 720 });
		expect(markup).not.toContain('data-interactive');
		expect(markup).not.toContain('tabindex');
	});

	it('draws an empty trend without failing', () => {
		expect(canonicalSvg(serverChartMarkup(KeywordTrendChart, { lines: [], query_label: '“x”' }))).toContain('No data.');
	});
});
