import type { Db } from '../../db/db';
import type { StageSetting } from '../../settings/analysis-settings';
import sql from './reply-network.sql?raw';
import { readingTables } from '../derived-tables';

/** Who replies to whom in one period: members who posted, and reply counts between them. */
export interface ReplyNetwork {
	/** The stage's name, or `All` for the whole dataset. */
	period: string;
	nodes: { id: string; label: string; role: string | null; messages: number }[];
	edges: { source: string; target: string; count: number }[];
}

/**
 * The reply network of the whole dataset (`All`), or one per stage, from the `links` table and
 * `stage_messages`. Self-replies are left out. The two are asked
 * for apart so that a change of stages leaves the whole dataset's network cached.
 */
export const replyNetwork = readingTables(['links', 'stage_messages'], async function replyNetwork(db: Db, scope: 'all' | readonly StageSetting[]): Promise<ReplyNetwork[]> {
	const rows = await db.query<{
		stage_index: number;
		id: string;
		label: string;
		role: string | null;
		messages: number;
		replies: { target: string; count: number }[];
	}>(sql, [scope === 'all']);
	const periods = scope === 'all' ? [{ index: -1, name: 'All' }] : scope.map((stage, index) => ({ index, name: stage.name }));
	return periods.map(({ index, name }) => {
		const members = rows.filter((row) => row.stage_index === index);
		return {
			period: name,
			nodes: members.map(({ id, label, role, messages }) => ({ id, label, role, messages })),
			edges: members.flatMap((member) => member.replies.map((reply) => ({ source: member.id, target: reply.target, count: reply.count })))
		};
	});
});
