import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pathImportSource } from '../../../../cli/path-import-source';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { loadDataset } from '../load-dataset';
import { buildInteractionLinks } from '../../metrics/links/build-interaction-links';
import { replyNetwork } from '../../metrics/links/reply-network';
import { memberActivity } from '../../metrics/members/member-activity';
import { monthlySeries } from '../../metrics/monthly-series';
import { applyAnalysisSettings } from '../../metrics/apply-analysis-settings';
import { parseAnalysisSettings } from '../../settings/parse-analysis-settings';

const fixtures = resolve(import.meta.dirname, '../../../../tests/fixtures/members');
const DATASET = 'qce__member-10001-renamed-twice_member-10002-second-account-as-budi-s_mentor-10009_self-replies-across-accounts.json';

let db: Db;
beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(resolve(fixtures, DATASET)) }], { time_zone: 'UTC' });
});
afterAll(async () => {
	await db.close();
});

async function analyse(settings: object) {
	await applyAnalysisSettings(db, parseAnalysisSettings({ roles: { '10009': 'mentor' }, ...settings }));
	await buildInteractionLinks(db);
	return {
		members: await db.query<{ author_id: string; author_name: string; role: string; messages: number; other_names: string[] }>(
			'SELECT author_id, author_name, role, messages, other_names FROM members ORDER BY author_id'
		),
		activity: (await memberActivity(db)).map(({ author_id, author_name, messages, monthly_messages }) => ({ author_id, author_name, messages, monthly_messages })),
		active_members: (await monthlySeries(db)).map(({ month, active_members }) => [month, active_members]),
		network: (await replyNetwork(db, 'all'))[0].edges
	};
}

// The fixture: 李老师 (10009, the mentor) m1, m6; 10001 writes as Budi (m2, Jan), Budi S. (m4, Feb), 布迪 (m7, Mar);
// a second account 10002 also writes as Budi S. (m5 replying to m4, m8 replying to m7); Sari (10003) m3, m9 (replying to m8).
// m6 (mentor) replies to m5; m2 (Budi) to m1. Everything else has no parent.
const UNMERGED = {
	members: [
		{ author_id: '10001', author_name: '布迪', role: 'student', messages: 3, other_names: ['Budi', 'Budi S.'] },
		{ author_id: '10002', author_name: 'Budi S.', role: 'student', messages: 2, other_names: [] },
		{ author_id: '10003', author_name: 'Sari', role: 'student', messages: 2, other_names: [] },
		{ author_id: '10009', author_name: '李老师', role: 'mentor', messages: 2, other_names: [] }
	],
	activity: [
		{ author_id: '10009', author_name: '李老师', messages: 2, monthly_messages: [1, 1, 0] },
		{ author_id: '10001', author_name: '布迪', messages: 3, monthly_messages: [1, 1, 1] },
		{ author_id: '10003', author_name: 'Sari', messages: 2, monthly_messages: [1, 0, 1] },
		{ author_id: '10002', author_name: 'Budi S.', messages: 2, monthly_messages: [0, 1, 1] }
	],
	active_members: [
		['2021-01', 3],
		['2021-02', 3],
		['2021-03', 3]
	],
	network: [
		{ source: '10001', target: '10009', count: 1 },
		{ source: '10002', target: '10001', count: 2 },
		{ source: '10003', target: '10002', count: 1 },
		{ source: '10009', target: '10002', count: 1 }
	]
};

describe('applyMemberMerges, through applyAnalysisSettings', () => {
	test('without merges, one id is one member whatever names it wrote under: 10001 is 布迪, also Budi and Budi S.', async () => {
		expect(await analyse({})).toEqual(UNMERGED);
	});

	test('merging 10002 into 10001 makes one member for every count: members, their messages, active members, and the replies between the two accounts leave the network', async () => {
		expect(await analyse({ member_merges: [{ into: '10001', from: ['10002'] }] })).toEqual({
			members: [
				{ author_id: '10001', author_name: '布迪', role: 'student', messages: 5, other_names: ['Budi', 'Budi S.'] },
				{ author_id: '10003', author_name: 'Sari', role: 'student', messages: 2, other_names: [] },
				{ author_id: '10009', author_name: '李老师', role: 'mentor', messages: 2, other_names: [] }
			],
			activity: [
				{ author_id: '10009', author_name: '李老师', messages: 2, monthly_messages: [1, 1, 0] },
				{ author_id: '10001', author_name: '布迪', messages: 5, monthly_messages: [1, 2, 2] },
				{ author_id: '10003', author_name: 'Sari', messages: 2, monthly_messages: [1, 0, 1] }
			],
			active_members: [
				['2021-01', 3],
				['2021-02', 2],
				['2021-03', 2]
			],
			// m5 and m8 are now replies to one's own message; m6 and m9 answer 10001
			network: [
				{ source: '10001', target: '10009', count: 1 },
				{ source: '10003', target: '10001', count: 1 },
				{ source: '10009', target: '10001', count: 1 }
			]
		});
	});

	test('a merge keyed by name merges the member known by it; the merged member has the role of `into` in every message, not a role given to a former name', async () => {
		const merged = await analyse({ roles: { '10009': 'mentor', 'Budi S.': 'ta' }, member_merges: [{ into: '布迪', from: ['10002'] }] });
		expect(merged.members.map(({ author_id, role, messages }) => [author_id, role, messages])).toEqual([
			['10001', 'student', 5],
			['10003', 'student', 2],
			['10009', 'mentor', 2]
		]);
		expect(await db.query(`SELECT DISTINCT role FROM messages WHERE author_id = '10001'`)).toEqual([{ role: 'student' }]);
	});

	test('removing the merge (Undo) gives every message its own member back', async () => {
		await analyse({ member_merges: [{ into: '10001', from: ['10002'] }] });
		expect(await analyse({ member_merges: [] })).toEqual(UNMERGED);
		expect(await db.query(`SELECT count(*)::INTEGER AS moved FROM messages WHERE author_id <> imported_author_id`)).toEqual([{ moved: 0 }]);
	});

	test('keys naming no member of this dataset change nothing', async () => {
		expect(await analyse({ member_merges: [{ into: '99999', from: ['10002'] }, { into: '10003', from: ['nobody'] }] })).toEqual(UNMERGED);
	});
});
