import { m } from '../i18n/messages';
import { shortMonthName } from '../i18n/short-month-name';
import type { PeriodScale } from './period-scale';
import { textWidth } from './text-width';
import type { TimeGrain } from './time-grain';

/** One tick of a time axis: a month abbreviation, and the year under the first tick of each year. */
export interface TimeTick {
	x: number;
	month: string | null;
	year: string | null;
}

const STRIDES = [1, 2, 3, 4, 6, 12];

/**
 * Ticks for consecutive periods on a two-row axis, month names above years, without rotated text: every
 * k-th month (k = 1, 2, 3, 4, 6 or 12, aligned to January) so that labels keep apart at `font_size`.
 * Month periods are ticked at their centres, weeks and days at the first of each month; days or weeks that hold
 * no first of a month (a one-day export) get one tick at their first period, labelled with its day.
 */
export function timeAxisTicks(labels: readonly string[], grain: TimeGrain, scale: PeriodScale, font_size: number): TimeTick[] {
	if (labels.length === 0) return [];
	const months: { key: string; year: number; month: number; x: number }[] = [];
	if (grain === 'month') {
		labels.forEach((label, index) => {
			const [year, month] = label.split('-').map(Number);
			months.push({ key: label, year, month, x: scale.center(index) });
		});
	} else {
		const first = labels[0].slice(0, 7);
		const last = labels[labels.length - 1].slice(0, 7);
		let [year, month] = first.split('-').map(Number);
		for (;;) {
			const key = `${year}-${String(month).padStart(2, '0')}`;
			if (key > last) break;
			const x = scale.date(`${key}-01`);
			if (x >= scale.start(0) - 0.001) months.push({ key, year, month, x });
			if (++month > 12) [year, month] = [year + 1, 1];
		}
	}
	if (months.length === 0) {
		const [year, month, day] = labels[0].split('-').map(Number);
		return [{ x: scale.center(0), month: m.axis_day_month({ day, month: shortMonthName(month) }), year: String(year) }];
	}
	const month_px = months.length > 1 ? (months[months.length - 1].x - months[0].x) / (months.length - 1) : scale.step;
	const needed = textWidth('May', font_size) + font_size * 0.8;
	const stride = STRIDES.find((k) => k * month_px >= needed) ?? 12;
	const year_needed = textWidth('2020', font_size) + font_size;
	const year_stride = Math.max(1, Math.ceil(year_needed / (12 * month_px)));
	const shown = months.filter((entry) => (entry.month - 1) % stride === 0);
	let last_year: number | null = null;
	return shown.map((entry) => {
		const new_year = entry.year !== last_year && entry.year % year_stride === 0;
		if (new_year) last_year = entry.year;
		return { x: entry.x, month: stride === 12 ? null : shortMonthName(entry.month), year: new_year || stride === 12 ? String(entry.year) : null };
	});
}
