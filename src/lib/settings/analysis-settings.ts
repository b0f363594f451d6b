/** A named period of the timeline, both ends inclusive whole days in the dataset's time zone. */
export interface StageSetting {
	name: string;
	/** `YYYY-MM-DD`, first day of the stage */
	start: string;
	/** `YYYY-MM-DD`, last day of the stage (inclusive) */
	end: string;
}

/** A dated happening (a task given, a meeting, exams) that may explain what the series do. */
export interface EventSetting {
	/** `YYYY-MM-DD` in the dataset's time zone */
	date: string;
	label: string;
}

/** One person under several ids or names (a QQ or WeChat nickname changed): the `from` members are counted as `into`. */
export interface MemberMergeSetting {
	/** author id (or name, for exports that key members by name) of the member the others become */
	into: string;
	/** author ids (or names) of the members merged into `into`; their names stay visible as "also" names */
	from: string[];
}

/** The settings that act when the export's files are read (ingest's DatasetOptions): changing one reloads the dataset. */
export interface ImportSettings {
	/** IANA name (Asia/Shanghai) or fixed offset (+08:00) the export's wall clock is read in. */
	time_zone: string;
}

/** The settings that act on a loaded dataset: what the metrics count and the charts mark. */
export interface AnalysisChoices {
	/** Sorted by start; never overlapping, so every message belongs to at most one stage. */
	stages: StageSetting[];
	/** Sorted by date. */
	events: EventSetting[];
	/** author id or name → role (`mentor`, `student`, …); wins over the export's role and the roster. */
	roles: Record<string, string>;
	/** Divides the default peak prominence threshold: 1 is DESIGN's rule, 2 finds more peaks, 0.5 fewer. */
	peak_sensitivity: number;
	/** Message kinds no metric counts (DESIGN: system, media and sticker by default). */
	excluded_kinds: string[];
	/** Members merged into one for every metric; each key is in at most one merge, so merges never chain. */
	member_merges: MemberMergeSetting[];
}

/**
 * Everything a researcher decides about one analysis, saved and shared as one flat JSON object: the import settings
 * and the analysis choices side by side. It holds names of periods, events and authors, never message text.
 */
export interface AnalysisSettings extends ImportSettings, AnalysisChoices {
	version: 1;
}
