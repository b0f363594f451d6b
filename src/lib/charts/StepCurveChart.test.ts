import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalSvg } from '../figures/canonical-svg.test-helper';
import { serverChartMarkup } from '../figures/server-chart-markup';
import { kaplanMeier } from '../metrics/algorithms/kaplan-meier';
import StepCurveChart from './StepCurveChart.svelte';

const { curves } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/charts/step-curves__3-cohorts_censored.json'), 'utf8'));

describe('StepCurveChart', () => {
	it('draws one step curve per cohort, dashed differently, with a tick per censored time and n in the legend', async () => {
		const svg = canonicalSvg(serverChartMarkup(StepCurveChart, { curves }));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/step-curve-chart__3-cohorts_censored.svg');
		expect(svg).toContain('>Class A (n = 24)</text>');
		expect((svg.match(/<path d="M[^"]+" fill="none"/g) ?? []).length).toBe(3);
		const censored_times = curves.reduce((sum: number, curve: { steps: { censored: number }[] }) => sum + curve.steps.filter((step) => step.censored > 0).length, 0);
		expect((svg.match(/<line stroke="#(0072B2|E69F00|009E73)" stroke-width="1.75"/g) ?? []).length).toBe(censored_times);
	});

	it('shades each curve’s 95% Greenwood band, stepwise like the curve', async () => {
		const cohort = (spans: number[], still_active: number) => kaplanMeier(spans, spans.map((_, index) => index >= still_active));
		const banded = [
			{ label: 'Class A', steps: cohort([2, 3, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 20, 21, 22], 4) },
			{ label: 'Class B', steps: cohort([1, 1, 2, 2, 3, 4, 4, 5, 6, 7, 9, 12], 2) }
		];
		const svg = canonicalSvg(serverChartMarkup(StepCurveChart, { curves: banded, x_label: 'Months from first to last message' }));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/step-curve-chart__2-cohorts_greenwood-bands.svg');
		expect((svg.match(/fill-opacity="0.13"/g) ?? []).length).toBe(2);
		expect(svg).toContain('Shaded bands: pointwise 95% intervals (Greenwood, log-log).');
	});
});
