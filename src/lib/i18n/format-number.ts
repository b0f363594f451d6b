import { locale } from './locale';

const formats = new Map<string, Intl.NumberFormat>();

/** `value` written as the interface language writes numbers (1,234.5 in both English and Chinese). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
	const key = `${locale.current} ${JSON.stringify(options)}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale.current, options);
		formats.set(key, format);
	}
	return format.format(value);
}
