import { locale } from './locale';

const NAMES = {
	en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
	'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日']
} as const;

/** Weekday `index` (0 = Monday) as the interface language shortens it; data files keep WEEKDAY_NAMES. */
export function weekdayName(index: number): string {
	return NAMES[locale.current][index];
}
