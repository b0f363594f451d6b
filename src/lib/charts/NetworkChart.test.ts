import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalSvg } from '../figures/canonical-svg.test-helper';
import { serverChartMarkup } from '../figures/server-chart-markup';
import NetworkChart from './NetworkChart.svelte';

const network = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/charts/network__59-members_605-edges_min-3-replies.json'), 'utf8'));

describe('NetworkChart', () => {
	it('lays out 59 members deterministically, coloured by role, with the 150 strongest links and 8 labels', async () => {
		const svg = canonicalSvg(serverChartMarkup(NetworkChart, network));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/network-chart__59-members_150-of-605-links.svg');
		expect((svg.match(/<circle cx="[^"]+" cy="[^"]+" fill="#(D55E00|0072B2)"/g) ?? []).length).toBe(59);
		expect((svg.match(/<path d="M[^"]+Q[^"]+" fill="none" stroke="#555555" stroke-opacity="0.4"/g) ?? []).length).toBe(150);
		expect((svg.match(/<path d="M[^"]+Z" fill="#555555" fill-opacity="0.55"\/>/g) ?? []).length).toBe(150);
		expect((svg.match(/font-weight="600" paint-order="stroke"/g) ?? []).length).toBe(8);
		expect(svg).toContain('>M01 Mentor</text>');
		expect(svg).toContain('605 directed links carrying 5,663 replies (the 150 strongest drawn)');
	});

	it('renders the same SVG every time (fixed ticks, deterministic start)', () => {
		const first = serverChartMarkup(NetworkChart, network);
		expect(serverChartMarkup(NetworkChart, structuredClone(network))).toBe(first);
	});
});

describe('NetworkChart with a 10,000-character name', () => {
	it('cuts the drawn label to 12 em with an ellipsis and keeps the full name in the accessible summary', () => {
		const long_name = 'Budi'.repeat(2500);
		const nodes = [
			{ id: 'a', label: long_name, role: 'student', messages: 50 },
			{ id: 'b', label: 'M01 Mentor', role: 'mentor', messages: 40 }
		];
		const svg = serverChartMarkup(NetworkChart, { nodes, edges: [{ source: 'a', target: 'b', count: 5 }] });
		const labels = [...svg.matchAll(/paint-order="stroke"[^>]*>([^<]*)<\/text/g)].map((match) => match[1]);
		expect(labels).toEqual(['BudiBudiBudiBudiBudiBu…', 'M01 Mentor']);
		expect(svg).toContain(`${long_name} (student, 50 messages)`);
	});
});
