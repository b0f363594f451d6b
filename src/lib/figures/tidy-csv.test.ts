import { describe, expect, it } from 'vitest';
import { tidyCsv } from './tidy-csv';

describe('tidyCsv', () => {
	it('writes a header from the keys in first-seen order, CRLF lines, empty cells for null and missing values', () => {
		expect(tidyCsv([{ month: '2021-03', messages: 788, likes: null }, { month: '2021-04', messages: 462, peak: false }])).toBe(
			'\ufeffmonth,messages,likes,peak\r\n2021-03,788,,\r\n2021-04,462,,false\r\n'
		);
	});

	it('neutralises formula-like text and quotes commas, but keeps negative numbers as numbers', () => {
		expect(tidyCsv([{ label: '=HYPERLINK("x")', event: 'Exams, week 2', change: -0.25, ratio: Number.NaN }])).toBe(
			'\ufefflabel,event,change,ratio\r\n"\'=HYPERLINK(""x"")","Exams, week 2",-0.25,\r\n'
		);
	});

	it('writes only the BOM and a newline for no rows', () => {
		expect(tidyCsv([])).toBe('\ufeff\r\n');
	});

	it('starts with the UTF-8 BOM bytes EF BB BF, so Excel on Chinese Windows reads the names as UTF-8, not GBK', () => {
		const bytes = new TextEncoder().encode(tidyCsv([{ member: '王同学', messages: 3 }]));
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\ufeffmember,messages\r\n王同学,3\r\n');
	});
});
