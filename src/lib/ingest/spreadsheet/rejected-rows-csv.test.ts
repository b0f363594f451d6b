import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../import-report';
import { rejectedRowsCsv } from './rejected-rows-csv';

const report: ImportReport = {
	format: 'qq-txt',
	source: '规培群.txt',
	rows: 1,
	rejected: 2,
	rows_by_kind: { text: 1 },
	errors: [
		{ line: 12, reason: '时间 "昨天" is not a date' },
		{ line: 40, reason: '=1+1' }
	],
	control_characters_stripped: 0,
	capabilities: { reply_ids: false, likes: false, stable_ids: true, timezone_aware: false },
	first_message_at: '2021-09-01 20:15:03',
	last_message_at: '2021-09-01 20:15:03',
	members: 1,
	time_zone: 'Asia/Shanghai'
};

describe('rejectedRowsCsv', () => {
	it('is source,line,reason per rejected row, CRLF, formula cells neutralised, after the UTF-8 BOM bytes EF BB BF', () => {
		const bytes = new TextEncoder().encode(rejectedRowsCsv(report));
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
			'\ufeffsource,line,reason\r\n规培群.txt,12,"时间 ""昨天"" is not a date"\r\n规培群.txt,40,\'=1+1\r\n'
		);
	});
});
