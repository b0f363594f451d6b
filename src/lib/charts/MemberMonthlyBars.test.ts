import { describe, expect, it } from 'vitest';
import { canonicalSvg } from '../figures/canonical-svg.test-helper';
import { serverChartMarkup } from '../figures/server-chart-markup';
import MemberMonthlyBars from './MemberMonthlyBars.svelte';

// Ann of tests/fixtures/members/profile__…: two months with messages, March and April empty.
const months = [
	{ month: '2021-01', messages: 2 },
	{ month: '2021-02', messages: 3 },
	{ month: '2021-03', messages: 0 },
	{ month: '2021-04', messages: 0 }
];

describe('MemberMonthlyBars', () => {
	it('draws one bar per month with messages, the busiest darker and labelled, empty months as gaps, and says so in its name', async () => {
		const svg = canonicalSvg(serverChartMarkup(MemberMonthlyBars, { months, member: 'Ann', width: 400, height: 96 }));
		await expect(svg).toMatchFileSnapshot('./__snapshots__/member-monthly-bars__ann_jan-apr-2021_2-empty-months.svg');
		const bars = [...svg.matchAll(/<rect fill="(#[0-9A-Fa-f]{6})" height="([\d.]+)"/g)].map((match) => ({ fill: match[1], height: Number(match[2]) }));
		expect(bars.map((bar) => bar.fill)).toEqual(['#56B4E9', '#0072B2']);
		expect(bars[0].height / bars[1].height).toBeCloseTo(2 / 3, 5);
		expect(svg).toContain("Ann's messages per month, Jan 2021 to Apr 2021: messages in 2 of 4 months, most in Feb 2021 (3).");
		expect(svg).toContain('>Jan 2021<');
		expect(svg).toContain('>Apr 2021<');
	});

	it('a roster member who never wrote: no bar, and the name says so', () => {
		const svg = canonicalSvg(serverChartMarkup(MemberMonthlyBars, { months: months.map(({ month }) => ({ month, messages: 0 })), member: 'Dee' }));
		expect(svg).not.toContain('<rect');
		expect(svg).toContain('messages in 0 of 4 months.');
	});
});
