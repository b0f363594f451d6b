import { weekdayName } from '../i18n/weekday-name';

/** `Tue 21:00–22:00`: the hour of the week a heatmap cell covers (weekday 0 = Monday, hour 0–23). */
export function weekHourName(weekday: number, hour: number): string {
	const clock = (value: number) => `${String(value).padStart(2, '0')}:00`;
	return `${weekdayName(weekday)} ${clock(hour)}–${clock(hour + 1)}`;
}
