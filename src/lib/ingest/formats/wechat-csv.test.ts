import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exportSummary } from './export-summary.test-helper';
import { wechatCsv } from './wechat-csv';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(fixtures, name))) });
const encoder = new TextEncoder();
const HEADER = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n';

describe('wechatCsv.parse', () => {
	test.each(['wechat-csv__bom_crlf_group_quote-reply_rejects.csv'])(
		'%s gives exactly the expected rows, rejects, kinds and authors',
		(name) => {
			const expected = JSON.parse(readFileSync(resolve(fixtures, name.replace(/\.csv$/, '.expected.json')), 'utf8'));
			expect(exportSummary(wechatCsv.parse(read(name), { time_zone: 'Asia/Shanghai' }))).toEqual(expected);
		}
	);

	test('CreateTime is converted into the dataset time zone, DST included', () => {
		const bytes = encoder.encode(HEADER + '1,5,1,0,0,1677672000,2,hi,x,,,wxid_a\r\n2,5,1,0,0,1688212800,2,hi,x,,,wxid_a\r\n');
		const sent_at = (time_zone: string) => wechatCsv.parse({ name: 'a.csv', bytes }, { time_zone }).messages.map((message) => message.sent_at);
		expect(sent_at('+08:00')).toEqual(['2023-03-01 20:00:00', '2023-07-01 20:00:00']);
		expect(sent_at('Europe/London')).toEqual(['2023-03-01 12:00:00', '2023-07-01 13:00:00']);
	});

	test('a CSV without the WeChatMsg columns is refused with a one-line reason', () => {
		const bytes = encoder.encode('timestamp,author,text\r\n2023-01-01,a,b\r\n');
		expect(() => wechatCsv.parse({ name: 'other.csv', bytes }, { time_zone: 'UTC' })).toThrow(
			'other.csv is not a WeChatMsg CSV: missing column(s) localId, Type, SubType, CreateTime, StrContent, Remark, NickName, Sender.'
		);
	});

	test('an unterminated quote is rejected at the line it starts on, not thrown', () => {
		const bytes = encoder.encode(HEADER + '1,5,1,0,0,1677672000,2,ok,x,,,wxid_a\r\n2,5,1,0,0,1677672001,2,"broken,x,,,wxid_a\r\n');
		const parsed = wechatCsv.parse({ name: 'a.csv', bytes }, { time_zone: 'UTC' });
		expect(parsed.messages).toHaveLength(1);
		expect(parsed.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/^unreadable CSV row: /) }]);
		expect(parsed.rows_in_file).toBe(2);
	});
});

describe('wechatCsv.parse on damaged files', () => {
	test('never throws below a valid header; every row is imported or rejected with its line', () => {
		const fragment = fc.oneof(
			fc.string(),
			fc.constantFrom('', '1,5,1,0,0,1677672000,2,ok,x,,,wxid_a', '1,5,1,0,0,-1,2,ok,x,,,wxid_a', '2,5,99,0,0,1677672000,2,"a\r\nb",x,,,w', '"', ',,,,,,,,,,,')
		);
		fc.assert(
			fc.property(fc.array(fragment, { maxLength: 30 }), (rows) => {
				const parsed = wechatCsv.parse({ name: 'a.csv', bytes: encoder.encode(HEADER + rows.join('\r\n')) }, { time_zone: 'UTC' });
				expect(parsed.rows_in_file).toBe(parsed.messages.length + parsed.rejected.length);
				for (const row of parsed.rejected) expect(row.line).toBeGreaterThan(1);
			})
		);
	});
});

describe('wechatCsv.detect', () => {
	test('looks at the header row, with or without a BOM', () => {
		expect(wechatCsv.detect(read('wechat-csv__bom_crlf_group_quote-reply_rejects.csv'))).toBe(true);
		expect(wechatCsv.detect({ name: 'a.csv', bytes: encoder.encode(HEADER) })).toBe(true);
		expect(wechatCsv.detect({ name: 'a.csv', bytes: encoder.encode('id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime\n') })).toBe(false);
	});
});
