import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/db';
import { createNodeDb } from '../../src/lib/db/duckdb-node';
import { analyzeDataset } from '../../src/lib/metrics/analyze-dataset';
import { defaultAnalysisSettings } from '../../src/lib/settings/default-analysis-settings';
import { checkedImport } from './checked-import';

const folder = resolve(import.meta.dirname, '../fixtures/hostile');
const fixtures = readdirSync(folder).filter((name) => !name.endsWith('.expected.json')).sort();

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
});
afterAll(async () => {
	await db?.close();
});

/** The file as an importer gets it; a Slack export is stored as its files (JSON) and zipped here. */
function fixtureFile(name: string): { name: string; bytes: Uint8Array } {
	const bytes = new Uint8Array(readFileSync(resolve(folder, name)));
	if (!name.endsWith('.files.json')) return { name, bytes };
	const files = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
	const zippable = Object.fromEntries(Object.entries(files).map(([path, content]) => [path, strToU8(JSON.stringify(content, null, 1))]));
	return { name: name.replace(/\.files\.json$/, '.zip'), bytes: zipSync(zippable) };
}

describe('hostile and broken files found by fuzzing, each with its exact import report', () => {
	it.each(fixtures)('%s', async (name) => {
		const file = fixtureFile(name);
		const outcome = await checkedImport(db, file.name, file.bytes);
		const actual =
			'refused' in outcome
				? outcome
				: (({ format, rows, rejected, errors, control_characters_stripped, members, first_message_at, last_message_at }) => ({
						format,
						rows,
						rejected,
						errors,
						control_characters_stripped,
						members,
						first_message_at,
						last_message_at
					}))(outcome.report);
		const expected_path = resolve(folder, name.replace(/(\.files)?\.[a-z]+$/, '.expected.json'));
		expect(actual).toEqual(JSON.parse(readFileSync(expected_path, 'utf8')));
		if ('report' in outcome && outcome.report.rows > 0) {
			// Reply cycles, self-replies and payload names must not hang or break any metric.
			const analysis = await analyzeDataset(db, defaultAnalysisSettings('UTC'));
			expect(analysis.monthly.reduce((sum, month) => sum + month.messages, 0)).toBeLessThanOrEqual(outcome.report.rows);
		}
	});
});
