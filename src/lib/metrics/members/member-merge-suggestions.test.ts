import { resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../../ingest/load-dataset';
import { applyAnalysisSettings } from '../apply-analysis-settings';
import { parseAnalysisSettings } from '../../settings/parse-analysis-settings';
import { memberMergeSuggestions } from './member-merge-suggestions';
import { mergeNameKey } from './merge-name-key';

const fixtures = resolve(import.meta.dirname, '../../../../tests/fixtures/members');
const dbs: Db[] = [];
afterAll(async () => {
	for (const db of dbs) await db.close();
});

async function loaded(file: string): Promise<Db> {
	const db = await createNodeDb();
	dbs.push(db);
	await loadDataset(db, [{ source: pathImportSource(resolve(fixtures, file)) }], { time_zone: 'UTC' });
	return db;
}

describe('memberMergeSuggestions(db)', () => {
	test('two QQ numbers that wrote as the same name are one suggestion, into the one with more messages; once merged, none', async () => {
		const db = await loaded('qce__member-10001-renamed-twice_member-10002-second-account-as-budi-s_mentor-10009_self-replies-across-accounts.json');
		await applyAnalysisSettings(db, parseAnalysisSettings({}));
		expect(await memberMergeSuggestions(db)).toEqual([
			{
				members: [
					{ author_id: '10001', author_name: '布迪', messages: 3 },
					{ author_id: '10002', author_name: 'Budi S.', messages: 2 }
				],
				matched_names: ['Budi S.'],
				reason: 'same name'
			}
		]);
		await applyAnalysisSettings(db, parseAnalysisSettings({ member_merges: [{ into: '10001', from: ['10002'] }] }));
		expect(await memberMergeSuggestions(db)).toEqual([]);
	});

	test('name-only members whose names differ by width, case, spaces and emoji are one look-alike suggestion; Sari is left alone', async () => {
		const db = await loaded('csv__name-only_budi-s-in-fullwidth-emoji-and-extra-space_sari.csv');
		await applyAnalysisSettings(db, parseAnalysisSettings({}));
		expect(await memberMergeSuggestions(db)).toEqual([
			{
				members: [
					{ author_id: 'Budi S.', author_name: 'Budi S.', messages: 2 },
					{ author_id: '✨Budi  S.✨', author_name: '✨Budi  S.✨', messages: 1 },
					{ author_id: 'ｂｕｄｉ s.', author_name: 'ｂｕｄｉ s.', messages: 1 }
				],
				matched_names: ['Budi S.', '✨Budi  S.✨', 'ｂｕｄｉ s.'],
				reason: 'look-alike names'
			}
		]);
	});
});

describe('mergeNameKey(name)', () => {
	test.each([
		['Budi S.', 'budis.'],
		['ｂｕｄｉ　Ｓ．', 'budis.'],
		['🌸 Budi\u200b S. ★', 'budis.'],
		['布迪', '布迪'],
		['Budi S', 'budis'],
		['🌸✨', '']
	])('%s → %s', (name, key) => {
		expect(mergeNameKey(name)).toBe(key);
	});
});
