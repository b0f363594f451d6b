import type { Db } from '../db/db';
import type { AnalysisChoices, MemberMergeSetting, StageSetting } from '../settings/analysis-settings';
import { applyMemberMerges } from '../ingest/members/apply-member-merges';
import { resolveRoles } from '../ingest/members/resolve-roles';
import { DEFAULT_COUNT_FILTER } from './counted-messages';
import { applyDataFilter } from './filter/apply-data-filter';
import { NO_FILTER, type DataFilter } from './filter/data-filter';
import { defineKeptMessages } from './kept-messages';
import { buildInteractionLinks } from './links/build-interaction-links';
import { defineCountedLinks } from './links/define-counted-links';
import { defineStageMessages } from './stages/define-stage-messages';

/** The settings the derived tables are built from, one slice per setting. */
export interface TableSettings {
	merges: readonly MemberMergeSetting[];
	roles: Readonly<Record<string, string>>;
	excluded_kinds: readonly string[];
	filter: DataFilter;
	stages: readonly StageSetting[];
	/** buildInteractionLinks' window_minutes; null for its default */
	link_window_minutes: number | null;
}

export type SettingsSlice = keyof TableSettings;

export type DerivedTableName = 'members' | 'roles' | 'kept_messages' | 'counted_messages' | 'stage_messages' | 'kept_links' | 'links';

interface DerivedTable {
	/** What it (re)creates; the first is looked for to tell whether it was built. None: it rewrites columns of `messages` and `members`. */
	creates: readonly string[];
	/** The derived tables it reads (besides `messages`, `imported_members` and `roster`, which only a load replaces). */
	reads: readonly DerivedTableName[];
	/** The settings it reads. */
	settings: readonly SettingsSlice[];
	build(db: Db, settings: TableSettings): Promise<void>;
}

/** Every derived table, each with what it reads; docs/PIPELINE.md draws them. */
export const DERIVED_TABLES: Readonly<Record<DerivedTableName, DerivedTable>> = {
	members: {
		creates: ['members', 'member_merges', 'member_merge_keys'],
		reads: [],
		settings: ['merges'],
		build: (db, settings) => applyMemberMerges(db, settings.merges)
	},
	roles: {
		creates: [],
		reads: ['members'],
		settings: ['roles'],
		build: (db, settings) => resolveRoles(db, { ...settings.roles })
	},
	kept_messages: {
		creates: ['kept_messages', 'excluded_kinds'],
		reads: ['roles'],
		settings: ['excluded_kinds'],
		build: (db, settings) => defineKeptMessages(db, settings.excluded_kinds)
	},
	counted_messages: {
		creates: ['counted_messages', 'counted_members', 'filtered_messages', 'count_filter_state', 'filter_days', 'filter_members', 'filter_roles', 'filter_sources', 'filter_kinds'],
		reads: ['kept_messages'],
		settings: ['filter'],
		build: (db, settings) => applyDataFilter(db, settings.filter)
	},
	stage_messages: {
		creates: ['stage_messages', 'stages'],
		reads: ['counted_messages'],
		settings: ['stages'],
		build: (db, settings) => defineStageMessages(db, settings.stages)
	},
	kept_links: {
		creates: ['kept_links'],
		reads: ['kept_messages'],
		settings: ['link_window_minutes'],
		build: (db, settings) => buildInteractionLinks(db, settings.link_window_minutes === null ? {} : { window_minutes: settings.link_window_minutes })
	},
	links: {
		creates: ['links'],
		reads: ['kept_links', 'counted_messages'],
		settings: [],
		build: async (db) => {
			const [{ filtered }] = await db.query<{ filtered: boolean }>('SELECT filtered FROM count_filter_state');
			await defineCountedLinks(db, filtered);
		}
	}
};

export const DEFAULT_TABLE_SETTINGS: TableSettings = {
	merges: [],
	roles: {},
	excluded_kinds: DEFAULT_COUNT_FILTER.excluded_kinds,
	filter: NO_FILTER,
	stages: [],
	link_window_minutes: null
};

/** The slices of the analysis choices (and the person's filter) the derived tables read: never the import settings, which a load applies. */
export function tableSettings(settings: AnalysisChoices, filter: DataFilter = NO_FILTER): TableSettings {
	return {
		merges: settings.member_merges,
		roles: settings.roles,
		excluded_kinds: settings.excluded_kinds,
		filter,
		stages: settings.stages,
		link_window_minutes: null
	};
}

/**
 * What `names` hold under `settings`, as one string: the settings slices each reads, and the same of the tables it
 * reads. Two settings with the same key give the same rows, so it keys anything computed from these tables.
 */
export function derivedTablesKey(names: readonly DerivedTableName[], settings: TableSettings): string {
	return stableJson(names.map((name) => tableKey(name, settings)));
}

function tableKey(name: DerivedTableName, settings: TableSettings): string {
	const table = DERIVED_TABLES[name];
	const own = stableJson(Object.fromEntries(table.settings.map((slice) => [slice, settings[slice]])));
	return stableJson({ own, inputs: table.reads.map((input) => tableKey(input, settings)) });
}

/** A table's key as tableKey makes it, from what ensureTables knows: null when the key of a table it reads is unknown. */
const keyOf = (own: string, inputs: readonly (string | null)[]): string | null => (inputs.includes(null) ? null : stableJson({ own, inputs }));

/**
 * Builds, inputs first, each of `names` (and what they read) that is missing, or that reads a slice given in
 * `settings` and was built from other settings (or outside this function). Slices left out mean "as the tables
 * are": `ensureTables(db, ['links'])` builds the links of the messages kept now, and keeps a `links` already there.
 * Returns what it built, in order. Each build is recorded in table `derived_table_keys`, so the
 * database, not the caller, knows what its tables hold; a table (or record) made before the dataset loaded now
 * belongs to another one, so after a load every one is rebuilt when next asked for.
 */
export async function ensureTables(db: Db, names: readonly DerivedTableName[], settings: Partial<TableSettings> = {}): Promise<DerivedTableName[]> {
	const order = dependencyOrder(names);
	const given = new Set(Object.keys(settings) as SettingsSlice[]);
	const wanted = new Set(order.filter((name) => transitiveSettings(name).some((slice) => given.has(slice))));
	const { present, recorded } = await tableState(db, order);
	const keys = new Map<DerivedTableName, string | null>();
	const built: DerivedTableName[] = [];
	for (const name of order) {
		const table = DERIVED_TABLES[name];
		const before = recorded.get(name);
		const built_from: Partial<TableSettings> = before ? JSON.parse(before.own) : {};
		const own = stableJson(
			Object.fromEntries(table.settings.map((slice) => [slice, slice in settings ? settings[slice] : slice in built_from ? built_from[slice] : DEFAULT_TABLE_SETTINGS[slice]]))
		);
		const key = keyOf(own, table.reads.map((input) => keys.get(input) ?? null));
		// Stale: missing; asked for under other settings; or built from inputs rebuilt since (a table built outside ensureTables is kept unless asked for).
		const stale = !present.has(name) || (wanted.has(name) ? key === null || before?.key !== key : before !== undefined && before.key !== key);
		if (!stale) {
			keys.set(name, before?.key ?? null);
			continue;
		}
		// Forget first: a build that fails must leave its table unknown, never recorded as current.
		if (recorded.size > 0) await db.query('DELETE FROM derived_table_keys WHERE name = ?', [name]);
		await table.build(db, { ...DEFAULT_TABLE_SETTINGS, ...(JSON.parse(own) as Partial<TableSettings>) });
		if (key !== null) {
			await db.exec('CREATE TEMP TABLE IF NOT EXISTS derived_table_keys (name VARCHAR, key VARCHAR, own VARCHAR)');
			await db.query('INSERT INTO derived_table_keys VALUES (?, ?, ?)', [name, key, own]);
		}
		keys.set(name, key);
		built.push(name);
	}
	return built;
}

function dependencyOrder(names: readonly DerivedTableName[]): DerivedTableName[] {
	const order: DerivedTableName[] = [];
	const visit = (name: DerivedTableName) => {
		if (order.includes(name)) return;
		for (const input of DERIVED_TABLES[name].reads) visit(input);
		order.push(name);
	};
	for (const name of names) visit(name);
	return order;
}

function transitiveSettings(name: DerivedTableName): SettingsSlice[] {
	return dependencyOrder([name]).flatMap((table) => DERIVED_TABLES[table].settings);
}

/**
 * Which of `names` the database holds for the dataset loaded now, and what each was built from when ensureTables
 * built it. DuckDB numbers catalog entries in the order they are made, and a load makes `imported_members` once,
 * never altered (duckdb-wasm renumbers a table it alters, as `messages`): a table numbered below it was made
 * for another dataset and counts as missing, and an older record is dropped.
 */
async function tableState(db: Db, names: readonly DerivedTableName[]) {
	// The registry's own names, never input: duckdb-wasm binds no list parameter.
	const looked_for = [...names.flatMap((name) => DERIVED_TABLES[name].creates.slice(0, 1)), 'derived_table_keys', 'imported_members'].map((name) => `'${name}'`).join(', ');
	const rows = await db.query<{ name: string; oid: number }>(
		`SELECT table_name AS name, table_oid::DOUBLE AS oid FROM duckdb_tables() WHERE table_name IN (${looked_for})
		UNION ALL SELECT view_name, view_oid::DOUBLE FROM duckdb_views() WHERE view_name IN (${looked_for})`
	);
	const oids = new Map(rows.map((row) => [row.name, row.oid]));
	const loaded = oids.get('imported_members') ?? -1;
	const current = (table: string) => (oids.get(table) ?? -1) > loaded;
	const present = new Set(names.filter((name) => DERIVED_TABLES[name].creates.length === 0 || current(DERIVED_TABLES[name].creates[0])));
	if (oids.has('derived_table_keys') && !current('derived_table_keys')) await db.exec('DROP TABLE derived_table_keys');
	const recorded = current('derived_table_keys')
		? await db.query<{ name: string; key: string; own: string }>('SELECT name, key, own FROM derived_table_keys')
		: [];
	return { present, recorded: new Map(recorded.map((row) => [row.name, { key: row.key, own: row.own }])) };
}

/** JSON with object keys sorted, so equal settings give equal keys whatever order they were written in. */
function stableJson(value: unknown): string {
	return JSON.stringify(value, (_, inner: unknown) =>
		inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner
	);
}

/** What a metric reads, as readingTables declares it: `reads` always, `may_read` when asked to (the metric ensures those itself). */
export interface TableReads {
	reads: readonly DerivedTableName[];
	may_read: readonly DerivedTableName[];
}

/**
 * `metric` declared with the derived tables it reads: it asks ensureTables for them (as the tables are, or under the
 * settings slices `settingsOf` takes from its arguments) before it runs, and carries them in `reads`, which
 * DatasetAnalyzer keys its cache by and derived-table-reads.test.ts checks against the metric's SQL.
 */
export function readingTables<Args extends unknown[], Result>(
	reads: readonly DerivedTableName[],
	metric: (db: Db, ...args: Args) => Promise<Result>,
	options: { may_read?: readonly DerivedTableName[]; settingsOf?: (args: NoInfer<Args>) => Partial<TableSettings> } = {}
): ((db: Db, ...args: Args) => Promise<Result>) & TableReads {
	const declared = async (db: Db, ...args: Args) => {
		await ensureTables(db, reads, options.settingsOf?.(args));
		return metric(db, ...args);
	};
	return Object.assign(declared, { reads, may_read: options.may_read ?? [] });
}
