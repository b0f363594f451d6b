import { locale } from './locale';

const NAMES = {
	en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
	'zh-CN': ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']
} as const;

/** Month `month` (1–12) as a time axis names it in the interface language: Mar, 3月. */
export function shortMonthName(month: number): string {
	return NAMES[locale.current][month - 1] ?? String(month);
}
