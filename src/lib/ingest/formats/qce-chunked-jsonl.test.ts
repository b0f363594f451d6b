import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, test } from 'vitest';
import { createNodeDb } from '../../db/duckdb-node';
import { bytesImportSource } from '../sources/bytes-import-source';
import { loadDataset } from '../load-dataset';
import { exportSummary } from './export-summary.test-helper';
import { qceChunkedJsonl } from './qce-chunked-jsonl';
import { qceJson } from './qce-json';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const options = { time_zone: 'Asia/Shanghai' };
const FIXTURE = 'qce-jsonl__2-chunks_manifest_10-messages_2-rejects';
const files = JSON.parse(readFileSync(resolve(fixtures, `${FIXTURE}.files.json`), 'utf8')) as Record<string, string>;
const file = (path: string) => ({ name: path.split('/').pop()!, bytes: strToU8(files[path]) });

function exportZip(folder = ''): { name: string; bytes: Uint8Array } {
	const zippable: Zippable = {};
	for (const [path, content] of Object.entries(files)) zippable[folder + path] = strToU8(content);
	return { name: `${FIXTURE}.zip`, bytes: zipSync(zippable) };
}

describe('qceChunkedJsonl.parse', () => {
	test(`${FIXTURE} as a zip gives exactly the expected rows, rejects, kinds and authors`, () => {
		const expected = JSON.parse(readFileSync(resolve(fixtures, `${FIXTURE}.expected.json`), 'utf8'));
		expect(exportSummary(qceChunkedJsonl.parse(exportZip(), options))).toEqual(expected);
	});

	test('the export folder zipped with its name in front reads the same messages', () => {
		const bare = qceChunkedJsonl.parse(exportZip(), options);
		const nested = qceChunkedJsonl.parse(exportZip('群聊_规培交流群_chunked_jsonl/'), options);
		expect(nested.messages.map(({ message_id, reply_to, kind }) => ({ message_id, reply_to, kind }))).toEqual(
			bare.messages.map(({ message_id, reply_to, kind }) => ({ message_id, reply_to, kind }))
		);
		expect(nested.rejected.map((row) => row.reason)).toEqual([
			'群聊_规培交流群_chunked_jsonl/chunks/c000002.jsonl: not a valid JSON line',
			'群聊_规培交流群_chunked_jsonl/chunks/c000002.jsonl: message 7013: no sender uin or uid'
		]);
	});

	test('files dropped together: each chunk is read on its own and the manifest adds no rows', () => {
		const first = qceChunkedJsonl.parse(file('chunks/c000001.jsonl'), options);
		const second = qceChunkedJsonl.parse(file('chunks/c000002.jsonl'), options);
		const manifest = qceChunkedJsonl.parse(file('manifest.json'), options);
		expect([first.rows_in_file, second.rows_in_file, manifest.rows_in_file]).toEqual([9, 3, 0]);
		expect(second.rejected).toEqual([
			{ line: 2, reason: 'not a valid JSON line' },
			{ line: 3, reason: 'message 7013: no sender uin or uid' }
		]);
		const zipped = qceChunkedJsonl.parse(exportZip(), options);
		expect([...first.messages, ...second.messages].map(({ message_id, sent_at, reply_to, text }) => ({ message_id, sent_at, reply_to, text }))).toEqual(
			zipped.messages.map(({ message_id, sent_at, reply_to, text }) => ({ message_id, sent_at, reply_to, text }))
		);
		expect(first.messages[0].source).toBe('c000001.jsonl');
	});

	test('loaded together into DuckDB, the reply in chunk 2 finds its parent in chunk 1 and the manifest imports nothing', async () => {
		const db = await createNodeDb();
		try {
			const reports = await loadDataset(
				db,
				['manifest.json', 'chunks/c000001.jsonl', 'chunks/c000002.jsonl'].map((path) => ({ source: bytesImportSource(path.split('/').pop()!, strToU8(files[path])) })),
				options
			);
			expect(reports.map(({ format, rows, rejected }) => ({ format, rows, rejected }))).toEqual([
				{ format: 'qce-jsonl', rows: 0, rejected: 0 },
				{ format: 'qce-jsonl', rows: 9, rejected: 0 },
				{ format: 'qce-jsonl', rows: 1, rejected: 2 }
			]);
			const rows = await db.query<{ message_id: string; parent_text: string }>(
				`SELECT m.message_id, p.text AS parent_text FROM messages m JOIN messages p ON p.message_id = m.reply_to ORDER BY m.sent_at`
			);
			expect(rows).toEqual([
				{ message_id: '7002', parent_text: '同学们，今晚八点讨论病例。' },
				{ message_id: '7010', parent_text: '早上好' }
			]);
		} finally {
			await db.close();
		}
	});

	test('a zip without chunk files is refused with a one-line reason', () => {
		const bytes = zipSync({ 'manifest.json': strToU8(files['manifest.json']) });
		expect(() => qceChunkedJsonl.parse({ name: 'x.zip', bytes }, options)).toThrow('x.zip holds no chunks/*.jsonl files: zip the whole QQ Chat Exporter export folder.');
	});
});

describe('qceChunkedJsonl.detect', () => {
	test('recognises the zip, the manifest and a chunk by content; the single-file adapter does not take the manifest', () => {
		expect(qceChunkedJsonl.detect(exportZip())).toBe(true);
		expect(qceChunkedJsonl.detect(file('manifest.json'))).toBe(true);
		expect(qceJson.detect(file('manifest.json'))).toBe(false);
		expect(qceChunkedJsonl.detect({ name: 'renamed.txt', bytes: file('chunks/c000002.jsonl').bytes })).toBe(true);
		expect(qceChunkedJsonl.detect({ name: 'a.zip', bytes: zipSync({ 'chunks/c000001.jsonl': strToU8(files['chunks/c000001.jsonl']) }) })).toBe(false);
		expect(qceChunkedJsonl.detect({ name: 'a.jsonl', bytes: strToU8('{"timestamp": 1, "text": "hi"}\n') })).toBe(false);
		expect(qceChunkedJsonl.detect({ name: 'group.json', bytes: readFileSync(resolve(fixtures, 'qce-json__group_reply-mention-recalled-system-stickers_10-messages_4-rejects.json')) })).toBe(false);
	});
});
