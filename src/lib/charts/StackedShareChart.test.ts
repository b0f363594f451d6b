import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalSvg } from '../figures/canonical-svg.test-helper';
import { serverChartMarkup } from '../figures/server-chart-markup';
import { wilsonInterval } from '../metrics/algorithms/wilson-interval';
import StackedShareChart from './StackedShareChart.svelte';

const shares = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/charts/share__26-months_peer-ranges_mentor-share_3-stages.json'), 'utf8'));

describe('StackedShareChart', () => {
	it('stacks the three link directions to 100% per month, with peer-share whiskers, the mentor share line and stages', async () => {
		const svg = canonicalSvg(serverChartMarkup(StackedShareChart, shares));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/stacked-share-chart__months_ranges_mentor-share_stages.svg');
		for (const color of ['#D55E00', '#E69F00', '#0072B2']) expect((svg.match(new RegExp(`<rect fill="${color}" [^>]*x="`, 'g')) ?? []).length).toBe(26);
		expect((svg.match(/<path d="M[^"]+V[^"]+" fill="none" stroke="#000000" stroke-width="1.5"/g) ?? []).length).toBe(26);
		expect((svg.match(/font-style="italic"/g) ?? []).length).toBe(3);
		expect(svg).toContain('>Share of reply links</text>');
	});

	it('leaves a period without links empty and draws no whiskers without ranges', () => {
		const svg = canonicalSvg(
			serverChartMarkup(StackedShareChart, {
				periods: [
					{ label: '2021-01', mentor_to_student: 2, student_to_mentor: 1, student_to_student: 1 },
					{ label: '2021-02', mentor_to_student: 0, student_to_mentor: 0, student_to_student: 0 }
				]
			})
		);
		expect((svg.match(/<rect fill="#(D55E00|E69F00|0072B2)" [^>]*x="/g) ?? []).length).toBe(3);
		expect(svg).not.toContain('range across reply rules');
	});

	it('draws each month’s Wilson interval, fades the months with fewer than 30 links and prints their n, and bands the mentor share', async () => {
		type Period = { mentor_to_student: number; student_to_mentor: number; student_to_student: number; mentor_message_share: number | null };
		const periods = shares.periods.map((period: Period, index: number) => {
			const counts = index < 3 ? { mentor_to_student: 6, student_to_mentor: 5, student_to_student: 1 + 3 * index } : period;
			const n_links = counts.mentor_to_student + counts.student_to_mentor + counts.student_to_student;
			return {
				...period,
				...counts,
				n_links,
				peer_share_ci: wilsonInterval(counts.student_to_student, n_links),
				mentor_share_ci: period.mentor_message_share === null ? null : wilsonInterval(Math.round(period.mentor_message_share * 200), 200)
			};
		});
		const svg = canonicalSvg(serverChartMarkup(StackedShareChart, { ...shares, periods }));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/stacked-share-chart__months_wilson-intervals_few-links-faded.svg');
		expect(svg).toContain('>Student → student 95% interval (Wilson)</text>');
		expect(svg).toContain('>Faded: fewer than 30 links (n at the top of the bar)</text>');
		expect((svg.match(/>n=\d+<\/text>/g) ?? []).map((text) => text.slice(1, -7))).toEqual(['n=12', 'n=15', 'n=18']);
		expect((svg.match(/<path d="M[^"]+V[^"]+" stroke="#1a1a1a" stroke-width="1.5"/g) ?? []).length).toBe(26);
	});
});
