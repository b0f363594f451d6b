import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rejectedRowsCsv } from '../../src/lib/ingest/spreadsheet/rejected-rows-csv';
import { spreadsheetSafeCell } from '../../src/lib/ingest/spreadsheet/spreadsheet-safe-cell';
import { HOSTILE_STRINGS } from './hostile-strings';

const SEED = 20_240_603;
const RUNS = Math.round(2000 * Number(process.env.FUZZ_SCALE ?? 1));
// OWASP's CSV-injection triggers: a spreadsheet runs a cell that starts with one of these.
const FORMULA_START = /^[=+\-@\t\r]/;
const value = fc.oneof(
	fc.constantFrom(...HOSTILE_STRINGS),
	fc.string({ unit: 'grapheme', maxLength: 30 }),
	fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '"', ',', '\n'), fc.string({ maxLength: 20 })).map(([start, rest]) => start + rest)
);

describe('spreadsheetSafeCell, fuzzed', () => {
	it(`${RUNS} values (seed ${SEED}): read back by a CSV parser, a cell never starts a formula and is the value, or ' and the value`, () => {
		fc.assert(
			fc.property(value, value, (first, second) => {
				const csv = `${spreadsheetSafeCell(first)},${spreadsheetSafeCell(second)}\r\n`;
				const { data, errors } = Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n' });
				expect(errors).toEqual([]);
				expect(data[0]).toHaveLength(2);
				for (const [cell, original] of [
					[data[0][0], first],
					[data[0][1], second]
				]) {
					expect(cell).not.toMatch(FORMULA_START);
					expect(cell).toBe(FORMULA_START.test(original) ? `'${original}` : original);
				}
			}),
			{ seed: SEED, numRuns: RUNS }
		);
	});

	it(`${RUNS} rejected-row reports (seed ${SEED}): the CSV has one row per rejected row and no cell starts a formula`, () => {
		fc.assert(
			fc.property(value, fc.array(fc.record({ line: fc.nat(), reason: value }), { maxLength: 5 }), (source, errors) => {
				const csv = rejectedRowsCsv({
					format: 'resonance-csv',
					source,
					rows: 0,
					rejected: errors.length,
					rows_by_kind: {},
					errors,
					control_characters_stripped: 0,
					capabilities: { reply_ids: false, likes: false, stable_ids: false, timezone_aware: false },
					first_message_at: null,
					last_message_at: null,
					members: 0,
					time_zone: 'UTC'
				});
				const { data } = Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n', skipEmptyLines: true });
				expect(data).toHaveLength(1 + errors.length);
				for (const cell of data.flat()) expect(cell).not.toMatch(FORMULA_START);
			}),
			{ seed: SEED, numRuns: RUNS }
		);
	});
});
