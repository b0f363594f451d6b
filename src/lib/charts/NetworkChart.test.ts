import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalSvg } from '../figures/canonical-svg';
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
