import type { TimeGrain } from './time-grain';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period label as people read it: `Mar 2021`, `week of 1 Mar 2021`, `1 Mar 2021`. */
export function periodName(label: string, grain: TimeGrain): string {
	const [year, month, day] = label.split('-');
	const name = MONTHS[Number(month) - 1] ?? month;
	if (grain === 'month' || day === undefined) return `${name} ${year}`;
	return `${grain === 'week' ? 'week of ' : ''}${Number(day)} ${name} ${year}`;
}
