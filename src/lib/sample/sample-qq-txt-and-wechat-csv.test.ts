import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { bytesImportSource } from '../ingest/sources/bytes-import-source';
import { loadDataset } from '../ingest/load-dataset';
import { analyzeDataset } from '../metrics/analyze-dataset';
import { parseAnalysisSettings } from '../settings/parse-analysis-settings';
import { generateSampleCommunity } from './generate-sample-community';
import { sampleMessageRows } from './sample-message-rows';
import { sampleQqTxt } from './sample-qq-txt';
import { sampleWechatCsv } from './sample-wechat-csv';

const sample = generateSampleCommunity();
const rows = sampleMessageRows(sample.csv);
const EXPORTS = {
	qq: bytesImportSource('sample-community_qq-message-manager.txt', new TextEncoder().encode(sampleQqTxt(rows))),
	wechat: bytesImportSource('sample-community_wechatmsg.csv', new TextEncoder().encode(sampleWechatCsv(rows))),
	resonance: bytesImportSource('sample-community.csv', new TextEncoder().encode(sample.csv))
};
let db: Db;

beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db.close();
});

/** Monthly messages, active members and new members, and the peaks, of one export read in `time_zone`. */
async function monthlyOf(file: keyof typeof EXPORTS, time_zone: string) {
	const [report] = await loadDataset(db, [{ source: EXPORTS[file] }], { time_zone });
	const analysis = await analyzeDataset(db, parseAnalysisSettings({ time_zone }), 'month');
	return {
		format: report.format,
		rows: report.rows,
		rejected: report.rejected,
		first_message_at: report.first_message_at,
		monthly: analysis.monthly.map((month) => [month.month, month.messages, month.active_members, month.new_members]),
		peaks: analysis.peaks.peaks.map((peak) => [peak.label, peak.value])
	};
}

describe('one group, two exporters: the sample community as a QQ TXT (wall clock) and a WeChatMsg CSV (epoch seconds)', () => {
	it('read in Asia/Shanghai, both give the monthly rows and peaks of the sample itself', { timeout: 300_000 }, async () => {
		const qq = await monthlyOf('qq', 'Asia/Shanghai');
		const wechat = await monthlyOf('wechat', 'Asia/Shanghai');
		const resonance = await monthlyOf('resonance', 'Asia/Shanghai');
		expect([qq.format, qq.rows, qq.rejected, wechat.format, wechat.rows, wechat.rejected]).toEqual(['qq-txt', rows.length, 0, 'wechat-csv', rows.length, 0]);
		expect(qq.monthly).toEqual(wechat.monthly);
		expect(qq.monthly).toEqual(resonance.monthly);
		expect(qq.monthly[0][0]).toBe('2020-09');
		expect(qq.monthly.at(-1)![0]).toBe('2022-10');
		expect(qq.peaks).toEqual(wechat.peaks);
		expect(qq.peaks).toEqual(resonance.peaks);
	});

	it('read in UTC, the wall-clock export is unchanged and the epoch export is eight hours early: why the zone must be chosen', { timeout: 300_000 }, async () => {
		const qq = await monthlyOf('qq', 'UTC');
		const wechat = await monthlyOf('wechat', 'UTC');
		expect([qq.first_message_at, wechat.first_message_at]).toEqual(['2020-09-01 11:17:24', '2020-09-01 03:17:24']);
		expect(qq.monthly).toEqual((await monthlyOf('wechat', 'Asia/Shanghai')).monthly);
	});
});
