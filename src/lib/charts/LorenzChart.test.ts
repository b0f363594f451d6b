import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalSvg } from '../figures/canonical-svg.test-helper';
import { serverChartMarkup } from '../figures/server-chart-markup';
import LorenzChart from './LorenzChart.svelte';

const lorenz = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/charts/lorenz__61-students_lurkers-as-0.json'), 'utf8'));

describe('LorenzChart', () => {
	it('draws the Lorenz curve under the equality diagonal with the Gini in the corner', async () => {
		const svg = canonicalSvg(serverChartMarkup(LorenzChart, { ...lorenz, population_label: 'students' }));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/lorenz-chart__61-students.svg');
		expect(svg).toContain('>Gini 0.37</text>');
		expect(svg).toContain('>Share of students, least to most active</text>');
		expect(svg).toContain('stroke-dasharray="6 4"');
	});
});
