import { m } from './messages';

/** A period length as the interface language names it in a sentence: month → "month"/"月". */
export function grainName(grain: string): string {
	return grain === 'month' ? m.grain_month() : grain === 'week' ? m.grain_week() : m.grain_day();
}
