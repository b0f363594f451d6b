import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { decodeText } from '../../src/lib/ingest/text/decode-text';
import { byteMutations } from './byte-mutations';
import { checkedImport } from './checked-import';
import { expectedCsvRows } from './expected-csv-rows';
import { gb18030Bytes } from './gb18030-bytes';
import { HOSTILE_STRINGS } from './hostile-strings';
import { mutateBytes } from './mutate-bytes';

const SEED = 20_240_601;
const RUNS = Math.round(120 * Number(process.env.FUZZ_SCALE ?? 1));

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db?.close();
});

const two = (value: number) => String(value).padStart(2, '0');
const timestamp = fc.oneof(
	fc.record({ y: fc.integer({ min: 1990, max: 2100 }), mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }) })
		.chain(({ y, mo, d, h, mi }) =>
			fc.constantFrom(`${y}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}:00`, `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}`, `${y}/${two(mo)}/${two(d)} ${two(h)}:${two(mi)}`, `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:00+05:30`, `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:00Z`)
		),
	fc.integer({ min: 631_152_000, max: 4_102_444_799 }).map(String),
	fc.integer({ min: 631_152_000, max: 4_102_444_799 }).map((seconds) => String(seconds * 1000)),
	fc.constantFrom('1899-12-31 23:59:59', '2200-01-01 00:00:00', '2021-02-30 10:00:00', '2021-13-01 10:00', '2021-01-01 24:00', '0000-00-00 00:00', '99999999999999999999', '-1', '1e9', 'yesterday', ''),
	fc.string({ maxLength: 20 })
);
const text = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 20 }));
const row = fc.record({
	timestamp,
	author: fc.oneof(fc.constantFrom('Ann', 'Bo', '张伟', ...HOSTILE_STRINGS), fc.string({ maxLength: 12 })),
	text,
	likes: fc.oneof(fc.constant(''), fc.integer({ min: -5, max: 2_000_000_000 }).map(String), fc.constantFrom('x', '1.5', '99999999999', '1e3')),
	// A small pool of ids gives duplicates and reply cycles (m1 → m2 → m1, m3 → m3).
	message_id: fc.constantFrom('', 'm1', 'm2', 'm3', 'm4', 'm5'),
	reply_to: fc.constantFrom('', 'm1', 'm2', 'm3', 'm9')
});
const COLUMNS = ['timestamp', 'author', 'text', 'likes', 'message_id', 'reply_to'] as const;

function cell(value: string, always_quote: boolean): string {
	return always_quote || /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const csvFile = fc
	.record({
		rows: fc.array(row, { maxLength: 25 }),
		newline: fc.constantFrom('\n', '\r\n'),
		always_quote: fc.boolean(),
		final_newline: fc.boolean(),
		encoding: fc.constantFrom('utf-8', 'utf-8', 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16le-bom', 'utf-16be', 'gb18030'),
		mutations: byteMutations()
	})
	.map(({ rows, newline, always_quote, final_newline, encoding, mutations }) => {
		const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => cell(row[column], always_quote)).join(','))];
		const content = lines.join(newline) + (final_newline ? newline : '');
		return { encoding, mutations, rows: rows.length, bytes: mutateBytes(encode(content, encoding), mutations) };
	});

function encode(content: string, encoding: string): Uint8Array {
	if (encoding === 'gb18030') return gb18030Bytes(content);
	if (encoding.startsWith('utf-16')) {
		const little = encoding.startsWith('utf-16le');
		const units = (encoding.endsWith('-bom') ? '\ufeff' : '') + content;
		const bytes = new Uint8Array(units.length * 2);
		for (let index = 0; index < units.length; index++) {
			const unit = units.charCodeAt(index);
			bytes[index * 2 + (little ? 0 : 1)] = unit & 0xff;
			bytes[index * 2 + (little ? 1 : 0)] = unit >> 8;
		}
		return bytes;
	}
	return new TextEncoder().encode((encoding === 'utf-8-bom' ? '\ufeff' : '') + content);
}

describe('Resonance CSV through loadDataset and DuckDB read_csv, fuzzed', () => {
	it(`${RUNS} generated and damaged CSVs (seed ${SEED}): refused with one line, or imported + rejected = papaparse's data rows`, async () => {
		let imported = 0;
		let refused = 0;
		await fc.assert(
			fc.asyncProperty(csvFile, async (file) => {
				let text: string | null = null;
				try {
					text = decodeText(file.bytes).text;
				} catch {
					// not text in any encoding Resonance reads: it must be refused
				}
				const lines = text === null ? undefined : text.split(/\r\n|\r|\n/).length;
				const outcome = await checkedImport(db, 'fuzz.csv', file.bytes, lines);
				if ('refused' in outcome) {
					refused++;
					expect(file.mutations.length > 0 || text === null, `an undamaged CSV was refused: ${outcome.refused}`).toBe(true);
					return;
				}
				imported++;
				const { report } = outcome;
				if (text !== null && (report.format === 'resonance-csv' || report.format === 'mapped-csv')) {
					expect(report.rows + report.rejected, JSON.stringify(report.errors)).toBe(expectedCsvRows(text));
				}
				if (file.mutations.length === 0) expect(report.rows + report.rejected).toBe(file.rows);
			}),
			{ seed: SEED, numRuns: RUNS, endOnFailure: true }
		);
		console.info(`resonance CSV fuzz: ${RUNS} cases, ${imported} imported, ${refused} refused`);
	}, 300_000);
});
