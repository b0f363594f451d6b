import { isValidTimeZone } from '../ingest/time/wall-clock';
import type { AnalysisChoices, AnalysisSettings, EventSetting, ImportSettings, MemberMergeSetting, StageSetting } from './analysis-settings';
import { defaultAnalysisSettings } from './default-analysis-settings';
import { m } from '../i18n/messages';

const FIELDS = ['version', 'time_zone', 'stages', 'events', 'roles', 'peak_sensitivity', 'excluded_kinds', 'member_merges'];

/**
 * What one analysis can hold. Every stage adds a reply network and a row to each stage chart, so a file with
 * thousands of stages would keep the dashboard computing for minutes at every reload; a settings file holds
 * names, never text, so megabytes of it are not settings.
 */
export const SETTINGS_LIMITS = { json_bytes: 4_000_000, stages: 100, events: 1_000, roles: 100_000, excluded_kinds: 100, member_merges: 100_000 };

/**
 * Checks settings JSON (text or an already parsed value) and returns complete settings, read as its two parts
 * (the import settings and the analysis choices, side by side in the file's one object): absent fields take
 * their defaults (an absent time zone is `default_time_zone`: pass the runtime's for a file a person gives),
 * stages and events come back sorted. Throws one line naming the first bad field
 * (`stages[1].end: "2021-02-30" is not a date (YYYY-MM-DD)`).
 */
export function parseAnalysisSettings(input: unknown, default_time_zone = 'UTC'): AnalysisSettings {
	let value = input;
	if (typeof input === 'string') {
		if (input.length > SETTINGS_LIMITS.json_bytes) {
			throw new Error(m.settings_problem_too_large({ size: (input.length / 1e6).toFixed(1), limit: SETTINGS_LIMITS.json_bytes / 1e6 }));
		}
		try {
			value = JSON.parse(input);
		} catch (error) {
			throw new Error(m.settings_problem_not_json({ detail: error instanceof Error ? error.message.split('\n')[0] : String(error) }));
		}
	}
	const object = record(value, 'settings');
	for (const key of Object.keys(object)) {
		if (!FIELDS.includes(key)) throw new Error(m.settings_problem_unknown_field({ field: 'settings', key, known: FIELDS.join(', ') }));
	}
	if (object.version !== undefined && object.version !== 1) {
		throw new Error(m.settings_problem_version({ version: JSON.stringify(object.version) }));
	}
	const defaults = defaultAnalysisSettings(default_time_zone);
	return { version: 1, ...parseImportSettings(object, defaults), ...parseAnalysisChoices(object, defaults) };
}

/** The import settings of a settings object, each absent one its default. */
function parseImportSettings(object: Record<string, unknown>, defaults: ImportSettings): ImportSettings {
	if (object.time_zone === undefined) return { time_zone: defaults.time_zone };
	const zone = text(object.time_zone, 'time_zone');
	if (!isValidTimeZone(zone)) throw new Error(m.settings_problem_time_zone({ zone }));
	return { time_zone: zone };
}

/** The analysis choices of a settings object, each absent one its default. */
function parseAnalysisChoices(object: Record<string, unknown>, defaults: AnalysisChoices): AnalysisChoices {
	const choices: AnalysisChoices = {
		stages: defaults.stages,
		events: defaults.events,
		roles: defaults.roles,
		peak_sensitivity: defaults.peak_sensitivity,
		excluded_kinds: defaults.excluded_kinds,
		member_merges: defaults.member_merges
	};
	if (object.stages !== undefined) choices.stages = parseStages(object.stages);
	if (object.events !== undefined) choices.events = parseEvents(object.events);
	if (object.roles !== undefined) {
		const entries = Object.entries(record(object.roles, 'roles'));
		if (entries.length > SETTINGS_LIMITS.roles) throw new Error(m.settings_problem_too_many_roles({ count: entries.length, limit: SETTINGS_LIMITS.roles }));
		const roles = entries.map(([author, role]) => {
			if (author.trim() === '') throw new Error(m.settings_problem_author_empty());
			return [author.trim(), text(role, `roles[${JSON.stringify(author)}]`).toLowerCase()];
		});
		// fromEntries makes own properties, so a member called "__proto__" keeps their role
		choices.roles = Object.fromEntries(roles);
	}
	if (object.peak_sensitivity !== undefined) {
		const sensitivity = object.peak_sensitivity;
		if (typeof sensitivity !== 'number' || !Number.isFinite(sensitivity) || sensitivity <= 0) {
			throw new Error(m.settings_problem_sensitivity({ value: JSON.stringify(sensitivity) }));
		}
		choices.peak_sensitivity = sensitivity;
	}
	if (object.excluded_kinds !== undefined) {
		choices.excluded_kinds = list(object.excluded_kinds, 'excluded_kinds', SETTINGS_LIMITS.excluded_kinds).map((kind, index) => text(kind, `excluded_kinds[${index}]`));
	}
	if (object.member_merges !== undefined) choices.member_merges = parseMemberMerges(object.member_merges);
	return choices;
}

function parseMemberMerges(value: unknown): MemberMergeSetting[] {
	const merged_by = new Map<string, string>();
	return list(value, 'member_merges', SETTINGS_LIMITS.member_merges).map((item, index) => {
		const field = `member_merges[${index}]`;
		const merge = record(item, field);
		only(merge, field, ['into', 'from']);
		const into = text(merge.into, `${field}.into`);
		const from = list(merge.from, `${field}.from`, SETTINGS_LIMITS.member_merges).map((key, k) => text(key, `${field}.from[${k}]`));
		if (from.length === 0) throw new Error(m.settings_problem_merge_empty({ field: `${field}.from`, into }));
		// A key in two merges would chain (A into B, B into C) or split one member two ways: one merge per person.
		for (const [k, key] of [into, ...from].entries()) {
			const where = k === 0 ? `${field}.into` : `${field}.from[${k - 1}]`;
			const earlier = merged_by.get(key);
			if (earlier === field) throw new Error(m.settings_problem_merge_twice({ where, key, field }));
			if (earlier) throw new Error(m.settings_problem_merge_already({ where, key, earlier }));
			merged_by.set(key, field);
		}
		return { into, from };
	});
}

function parseStages(value: unknown): StageSetting[] {
	const stages = list(value, 'stages', SETTINGS_LIMITS.stages).map((item, index) => {
		const field = `stages[${index}]`;
		const stage = record(item, field);
		only(stage, field, ['name', 'start', 'end']);
		const parsed = { name: text(stage.name, `${field}.name`), start: day(stage.start, `${field}.start`), end: day(stage.end, `${field}.end`) };
		if (parsed.end < parsed.start) throw new Error(m.settings_problem_stage_end_before_start({ field: `${field}.end`, end: parsed.end, start: parsed.start }));
		return { ...parsed, index };
	});
	const names = new Set<string>();
	for (const stage of stages) {
		if (names.has(stage.name)) throw new Error(m.settings_problem_stage_name_used({ field: `stages[${stage.index}].name`, name: stage.name }));
		names.add(stage.name);
	}
	const sorted = stages.toSorted((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.index - b.index));
	for (let k = 1; k < sorted.length; k++) {
		const [before, stage] = [sorted[k - 1], sorted[k]];
		if (stage.start <= before.end) {
			throw new Error(
				m.settings_problem_stage_overlap({ field: `stages[${stage.index}].start`, name: stage.name, start: stage.start, before: before.name, end: before.end })
			);
		}
	}
	return sorted.map(({ name, start, end }) => ({ name, start, end }));
}

function parseEvents(value: unknown): EventSetting[] {
	const events = list(value, 'events', SETTINGS_LIMITS.events).map((item, index) => {
		const field = `events[${index}]`;
		const event = record(item, field);
		only(event, field, ['date', 'label']);
		return { date: day(event.date, `${field}.date`), label: text(event.label, `${field}.label`) };
	});
	return events.toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function record(value: unknown, field: string): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(m.settings_problem_expected_object({ field, got: kindOf(value) }));
	return value as Record<string, unknown>;
}

function list(value: unknown, field: string, most: number): unknown[] {
	if (!Array.isArray(value)) throw new Error(m.settings_problem_expected_array({ field, got: kindOf(value) }));
	if (value.length > most) throw new Error(m.settings_problem_too_many({ field, count: value.length, most }));
	return value;
}

function text(value: unknown, field: string): string {
	if (typeof value !== 'string') throw new Error(m.settings_problem_expected_string({ field, got: kindOf(value) }));
	if (value.trim() === '') throw new Error(m.settings_problem_empty({ field }));
	return value.trim();
}

function day(value: unknown, field: string): string {
	const date = text(value, field);
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const parsed = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
	if (!parsed || parsed.toISOString().slice(0, 10) !== date) throw new Error(m.settings_problem_not_date({ field, value: date }));
	return date;
}

function only(object: Record<string, unknown>, field: string, keys: string[]): void {
	for (const key of Object.keys(object)) {
		if (!keys.includes(key)) throw new Error(m.settings_problem_unknown_field({ field, key, known: keys.join(', ') }));
	}
}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return m.settings_got_array();
	if (typeof value === 'object') return m.settings_got_object();
	return `${typeof value} ${JSON.stringify(value)}`;
}
