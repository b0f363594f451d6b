import { m } from '../i18n/messages';
import { shortMonthName } from '../i18n/short-month-name';
import type { TimeGrain } from './time-grain';

/** A period label as people read it: `Mar 2021`, `week of 1 Mar 2021`, `1 Mar 2021` (2021年3月 … in Chinese). */
export function periodName(label: string, grain: TimeGrain): string {
	const [year, month, day] = label.split('-');
	const name = Number(month) >= 1 && Number(month) <= 12 ? shortMonthName(Number(month)) : month;
	if (grain === 'month' || day === undefined) return m.period_month({ month: name, year });
	return (grain === 'week' ? m.period_week : m.period_day)({ day: Number(day), month: name, year });
}
