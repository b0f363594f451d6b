import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '../i18n/locale';
import { periodScale } from './period-scale';
import { timeAxisTicks } from './time-axis-ticks';

afterEach(() => locale.set('en'));

const months = (first: number, count: number) =>
	Array.from({ length: count }, (_, index) => {
		const month = first + index;
		return `${2020 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
	});

describe('timeAxisTicks', () => {
	it('labels every other month when months are narrow, with the year under the first tick of each year', () => {
		const labels = months(9, 26);
		const ticks = timeAxisTicks(labels, 'month', periodScale(labels, 'month', [0, 700]), 13);
		expect(ticks.map((tick) => [tick.month, tick.year])).toEqual([
			['Sep', '2020'], ['Nov', null], ['Jan', '2021'], ['Mar', null], ['May', null], ['Jul', null], ['Sep', null], ['Nov', null],
			['Jan', '2022'], ['Mar', null], ['May', null], ['Jul', null], ['Sep', null]
		]);
	});

	it('ticks weeks at the first of each month, only years when even quarters do not fit', () => {
		const weeks = Array.from({ length: 104 }, (_, index) => new Date(Date.UTC(2021, 0, 4 + 7 * index)).toISOString().slice(0, 10));
		const wide = timeAxisTicks(weeks, 'week', periodScale(weeks, 'week', [0, 1000]), 13);
		expect(wide[0]).toEqual({ x: expect.any(Number), month: 'Feb', year: '2021' });
		const narrow = timeAxisTicks(weeks, 'week', periodScale(weeks, 'week', [0, 120]), 13);
		expect(narrow.map((tick) => [tick.month, tick.year])).toEqual([[null, '2022']]);
	});

	it('labels the one day of a one-day export under its bar, with its year', () => {
		const scale = periodScale(['2024-03-05'], 'day', [0, 1000]);
		expect(timeAxisTicks(['2024-03-05'], 'day', scale, 22)).toEqual([{ x: scale.center(0), month: '5 Mar', year: '2024' }]);
		locale.set('zh-CN');
		expect(timeAxisTicks(['2024-03-05'], 'day', scale, 22)).toEqual([{ x: scale.center(0), month: '3月5日', year: '2024' }]);
	});

	it('labels the first of a few days inside one month; a stretch that holds a first of the month keeps its month tick', () => {
		const days = ['2024-03-05', '2024-03-06', '2024-03-07'];
		expect(timeAxisTicks(days, 'day', periodScale(days, 'day', [0, 600]), 13).map((tick) => [tick.month, tick.year])).toEqual([['5 Mar', '2024']]);
		const across = ['2024-02-28', '2024-02-29', '2024-03-01'];
		expect(timeAxisTicks(across, 'day', periodScale(across, 'day', [0, 600]), 13).map((tick) => [tick.month, tick.year])).toEqual([['Mar', '2024']]);
	});
});
