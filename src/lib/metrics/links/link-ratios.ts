import type { Db } from '../../db/db';
import type { StageSetting } from '../../settings/analysis-settings';
import { clusterBootstrapShare } from '../algorithms/cluster-bootstrap-share';
import { densityNormalizedReciprocity } from '../algorithms/density-normalized-reciprocity';
import { degreeCentralization, type WeightedEdge } from '../algorithms/degree-centralization';
import { gini } from '../algorithms/gini';
import { networkDensity } from '../algorithms/network-density';
import { reciprocity } from '../algorithms/reciprocity';
import { wilsonInterval } from '../algorithms/wilson-interval';
import type { LinkRule } from './build-interaction-links';
import sql from './link-ratios.sql?raw';
import { ensureTables, readingTables } from '../derived-tables';
import { messagePeriods } from '../periods/message-periods';

/** Periods to compare: every month of the monthly series (empty ones included), or the user's stages. */
export type LinkRatioGrain = { grain: 'month' } | { grain: 'stage'; stages: readonly StageSetting[] };

/**
 * Which links the headline counts: `explicit` reply ids alone when they cover at least
 * EXPLICIT_BASIS_COVERAGE of the counted messages, else `inferred` (explicit and inferred links).
 */
export type LinkBasis = 'explicit' | 'inferred';

/** Share of counted messages with an explicit parent from which the headline uses explicit links alone. */
export const EXPLICIT_BASIS_COVERAGE = 0.2;

/** Who talks to whom in one period (DESIGN.md "Mentor-versus-peer ratios"); a link counts in its message's period. */
export interface LinkRatioRow {
	/** `YYYY-MM`, or the stage's name */
	period: string;
	/** `YYYY-MM-DD`, first day */
	period_start: string;
	/** `YYYY-MM-DD`, last day (inclusive) */
	period_end: string;
	messages: number;
	/** which links the counts, peer share and network below use (the same for every period of a dataset) */
	basis: LinkBasis;
	/** messages of the period whose parent is another person's message (on the basis), whatever the roles */
	links: number;
	mentor_to_student: number;
	student_to_mentor: number;
	student_to_student: number;
	/** student→student / (mentor→student + student→mentor + student→student), 0–1; null when all three are 0 */
	peer_share: number | null;
	/** on the explicit basis, peer share from explicit and inferred links together (a sensitivity line); else null */
	peer_share_inferred: number | null;
	/**
	 * On the inferred basis, the range of peer_share over the cumulative rule sets {reply_to},
	 * {reply_to, mention} and {reply_to, mention, context} (the last one is peer_share), leaving out sets
	 * with no link between known roles; null on the explicit basis or when no counted link was inferred.
	 */
	peer_share_min: number | null;
	peer_share_max: number | null;
	/** links between known roles: mentor→student + student→mentor + student→student, peer share's n */
	n_links: number;
	/** Wilson 95% interval of peer_share (all rules); null when n_links is 0 */
	peer_share_ci: [number, number] | null;
	/** Stages only: 95% percentile interval of peer_share over 2,000 seeded resamples of the stage's days; null for months */
	peer_share_bootstrap_ci: [number, number] | null;
	/** mentor messages / messages, 0–1; null when the period has no message */
	mentor_message_share: number | null;
	/** messages of the period, mentor share's n */
	n_messages: number;
	/** Wilson 95% interval of mentor_message_share; null when n_messages is 0 */
	mentor_share_ci: [number, number] | null;
	/** reciprocity of the period's reply network (author → parent author, all roles); null without links */
	reciprocity: number | null;
	/** distinct directed pairs of that network over n(n − 1), n = the period's active members; null below 2 */
	density: number | null;
	/** (reciprocity − density) / (1 − density): reciprocity beyond what the density gives by chance (Garlaschelli & Loffredo) */
	reciprocity_normalized: number | null;
	/** Freeman degree centralization of that network over the period's active members; null below 3 members */
	degree_centralization: number | null;
	/** Range of degree_centralization over the same rule sets as peer_share_min/max; null unless links were inferred */
	degree_centralization_min: number | null;
	degree_centralization_max: number | null;
	/** Gini of messages per student: active students, plus roster students as 0; null when there is none */
	gini_student_messages: number | null;
}

type PeriodCounts = Pick<LinkRatioRow, 'period' | 'period_start' | 'period_end' | 'messages' | 'links'> & {
	period_index: number;
	mentor_messages: number;
};

type Direction = 'mentor_to_student' | 'student_to_mentor' | 'student_to_student';
const DIRECTIONS: Direction[] = ['mentor_to_student', 'student_to_mentor', 'student_to_student'];
const BOOTSTRAP_SEED = 13;
const RULE_SETS: readonly (readonly LinkRule[])[] = [['reply_to'], ['reply_to', 'mention'], ['reply_to', 'mention', 'context']];
const ALL_RULES = RULE_SETS[RULE_SETS.length - 1];

/**
 * Mentor→student, student→mentor and student→student link counts per month or stage (links between two
 * different people), with peer share on the dataset's basis (explicit replies alone when common, with the
 * inferred figure beside it; else all links, with the range across rules), mentor message share,
 * reciprocity, degree centralization and the Gini of messages per student, from the `links` table.
 */
export const linkRatios = readingTables(['links', 'counted_messages'], async function linkRatios(db: Db, periods: LinkRatioGrain): Promise<LinkRatioRow[]> {
	await createPeriods(db, periods);
	const [{ explicit_share }] = await db.query<{ explicit_share: number | null }>(
		`SELECT (count(*) FILTER (WHERE rule = 'reply_to') / nullif(count(*), 0))::DOUBLE AS explicit_share FROM links`
	);
	const basis: LinkBasis = (explicit_share ?? 0) >= EXPLICIT_BASIS_COVERAGE ? 'explicit' : 'inferred';
	await db.query('CREATE OR REPLACE TEMP TABLE ratio_basis AS SELECT ?::BOOLEAN AS explicit_only', [basis === 'explicit']);
	await db.exec(sql);

	const counts = await db.query<PeriodCounts>('SELECT * FROM ratio_period_counts ORDER BY period_index');
	const directions = groupBy(
		await db.query<{ period_index: number; direction: Direction; rule: LinkRule; links: number }>('SELECT * FROM ratio_direction_counts')
	);
	const networks = new Map(
		(await db.query<{ period_index: number; sources: number[]; targets: number[]; weights: number[]; rules: LinkRule[]; active_members: number[] }>('SELECT * FROM ratio_networks')).map(
			(row) => [row.period_index, row]
		)
	);
	const day_counts = groupBy(await db.query<{ period_index: number; peer_links: number; role_links: number }>(
			// the seeded resample draws days by position: their order must not depend on how the engine grouped them
			'SELECT period_index, peer_links, role_links FROM ratio_day_counts ORDER BY period_index, day'
		));
	const students = new Map(
		(await db.query<{ period_index: number; messages_per_student: number[] }>('SELECT * FROM ratio_student_messages')).map((row) => [
			row.period_index,
			row.messages_per_student
		])
	);
	await db.exec(
		'DROP VIEW ratio_basis_links; DROP VIEW ratio_links; DROP TABLE ratio_basis; DROP TABLE ratio_periods; DROP TABLE ratio_messages; DROP TABLE ratio_day_counts; DROP TABLE ratio_period_counts; DROP TABLE ratio_direction_counts; DROP TABLE ratio_member_codes; DROP TABLE ratio_networks; DROP TABLE ratio_student_messages'
	);

	return counts.map(({ period_index, mentor_messages, ...row }) => {
		const by_direction = directions.get(period_index) ?? [];
		const countIn = (rules: readonly LinkRule[]) => {
			const totals = { mentor_to_student: 0, student_to_mentor: 0, student_to_student: 0 };
			for (const { direction, rule, links } of by_direction) if (rules.includes(rule)) totals[direction] += links;
			return totals;
		};
		const totals = countIn(basis === 'explicit' ? RULE_SETS[0] : ALL_RULES);
		const inferred = basis === 'inferred' && by_direction.some(({ rule }) => rule !== 'reply_to');
		const shares = RULE_SETS.map((rules) => peerShare(countIn(rules))).filter((share) => share !== null);
		const network = networks.get(period_index);
		const edgesOf = (rules: readonly LinkRule[]): WeightedEdge[] =>
			(network?.sources ?? []).flatMap((source, index) =>
				rules.includes(network!.rules[index])
					? [{ source: String(source), target: String(network!.targets[index]), weight: network!.weights[index] }]
					: []
			);
		const period_edges = edgesOf(basis === 'explicit' ? RULE_SETS[0] : ALL_RULES);
		const active_members = (network?.active_members ?? []).map(String);
		const centralizations = RULE_SETS.filter((rules) => edgesOf(rules).length > 0).map((rules) => degreeCentralization(edgesOf(rules), active_members)).filter((value) => value !== null);
		const period_reciprocity = reciprocity(period_edges);
		const density = networkDensity(period_edges, active_members);
		const student_counts = students.get(period_index) ?? [];
		const n_links = DIRECTIONS.reduce((sum, direction) => sum + totals[direction], 0);
		const days = (day_counts.get(period_index) ?? []).map(({ peer_links, role_links }) => ({ successes: peer_links, trials: role_links }));
		return {
			...row,
			basis,
			...totals,
			peer_share: peerShare(totals),
			peer_share_inferred: basis === 'explicit' ? peerShare(countIn(ALL_RULES)) : null,
			peer_share_min: inferred ? Math.min(...shares) : null,
			peer_share_max: inferred ? Math.max(...shares) : null,
			n_links,
			peer_share_ci: wilsonInterval(totals.student_to_student, n_links),
			peer_share_bootstrap_ci: periods.grain === 'stage' ? clusterBootstrapShare(days, { seed: BOOTSTRAP_SEED }) : null,
			mentor_message_share: row.messages > 0 ? mentor_messages / row.messages : null,
			n_messages: row.messages,
			mentor_share_ci: wilsonInterval(mentor_messages, row.messages),
			reciprocity: period_reciprocity,
			density,
			reciprocity_normalized: densityNormalizedReciprocity(period_reciprocity, density),
			degree_centralization: degreeCentralization(period_edges, active_members),
			degree_centralization_min: inferred && centralizations.length > 0 ? Math.min(...centralizations) : null,
			degree_centralization_max: inferred && centralizations.length > 0 ? Math.max(...centralizations) : null,
			gini_student_messages: student_counts.length > 0 ? gini(student_counts) : null
		};
	});
}, { may_read: ['stage_messages'] });

function peerShare(totals: Record<Direction, number>): number | null {
	const all = DIRECTIONS.reduce((sum, direction) => sum + totals[direction], 0);
	return all > 0 ? totals.student_to_student / all : null;
}

function groupBy<Row extends { period_index: number }>(rows: Row[]): Map<number, Row[]> {
	const groups = new Map<number, Row[]>();
	for (const row of rows) {
		const group = groups.get(row.period_index);
		if (group) group.push(row);
		else groups.set(row.period_index, [row]);
	}
	return groups;
}

async function createPeriods(db: Db, periods: LinkRatioGrain): Promise<void> {
	if (periods.grain === 'stage') {
		for (const stage of periods.stages) {
			if (!isDate(stage.start) || !isDate(stage.end) || stage.end < stage.start) {
				throw new RangeError(`stage "${stage.name}" needs start ≤ end as YYYY-MM-DD, not ${stage.start} – ${stage.end}`);
			}
		}
		await ensureTables(db, ['stage_messages'], { stages: periods.stages });
	}
	const { sql: periods_sql, params } = messagePeriods(periods.grain);
	await db.query(`CREATE OR REPLACE TEMP TABLE ratio_periods AS WITH ${periods_sql} SELECT period_index, period, start_at, end_at FROM period_spans`, params);
}

function isDate(text: string): boolean {
	const time = Date.parse(text + 'T00:00:00Z');
	return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}
