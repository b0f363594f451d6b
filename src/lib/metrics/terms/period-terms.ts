import type { Db } from '../../db/db';
import { distinctiveTerms, type DistinctiveTerm } from './distinctive-terms';
import chunk_starts_sql from './period-term-chunk-starts.sql?raw';
import texts_sql from './period-term-texts.sql?raw';
import { termTokens } from './term-tokens';
import { readingTables } from '../derived-tables';

export interface PeriodTermsOptions {
	/** `YYYY-MM` of each peak month, as analyze prints `peaks[].month`. */
	peak_months: readonly string[];
	/** Terms kept per period, best first; default 10. */
	top?: number;
	/** Fewest uses of a term inside the period; default 3, so a word said once or twice never heads a list. */
	min_count?: number;
	/** Messages read from DuckDB at a time (about), so no more texts than these are held at once; default 40,000. */
	messages_per_read?: number;
	/** Called after each read is counted, with the reads done and their number: the texts of a big file take a while. */
	onProgress?: (reads_done: number, reads: number) => void;
}

/** The distinctive terms of each peak month and each stage, against the rest of the counted messages. */
export interface PeriodTerms {
	peaks: { month: string; terms: DistinctiveTerm[] }[];
	stages: { stage: string; terms: DistinctiveTerm[] }[];
}

/** Texts joined into one Intl.Segmenter call: each call costs as much as segmenting a short message. */
const TEXTS_PER_CALL = 50;

/**
 * The terms each peak month and each stage (table `stages`, see defineStageMessages) use more than the rest of
 * `counted_messages` does, scored by distinctiveTerms with the whole of it as prior; score descending, then term.
 * The texts are read a chunk of messages at a time and tokenized here, while the next chunk is being read.
 */
export const periodTerms = readingTables(['stage_messages'], async function periodTerms(db: Db, options: PeriodTermsOptions): Promise<PeriodTerms> {
	const { peak_months, top = 10, min_count = 3, messages_per_read = 40_000, onProgress } = options;
	const stages = await db.query<{ name: string }>('SELECT name FROM stages ORDER BY stage_index');
	const corpus = new Map<string, number>();
	const peak_counts = peak_months.map(() => new Map<string, number>());
	const stage_counts = stages.map(() => new Map<string, number>());
	if (peak_months.length + stages.length > 0) {
		const peak_of_month = new Map(peak_months.map((month, index) => [month, index]));
		const starts = await db.query<{ chunk_start: string }>(chunk_starts_sql, [messages_per_read]);
		const read = (index: number) =>
			db.query<TextRow>(texts_sql, [starts[index].chunk_start, starts[index + 1]?.chunk_start ?? 'infinity']);
		let next = starts.length > 0 ? read(0) : null;
		try {
			for (let index = 0; next; index++) {
				const rows = await next;
				next = index + 1 < starts.length ? read(index + 1) : null;
				for (const { peak, stage, texts } of groupTexts(rows, peak_of_month)) {
					const counts = termCounts(texts);
					add(corpus, counts);
					if (peak !== null) add(peak_counts[peak], counts);
					if (stage !== null) add(stage_counts[stage], counts);
				}
				onProgress?.(index + 1, starts.length);
			}
		} finally {
			// A read started ahead is still running when counting fails: let it settle.
			await next?.catch(() => undefined);
		}
	}
	const terms = (group: Map<string, number>) => distinctiveTerms(group, corpus, { top, min_count });
	return {
		peaks: peak_months.map((month, index) => ({ month, terms: terms(peak_counts[index]) })),
		stages: stages.map(({ name }, index) => ({ stage: name, terms: terms(stage_counts[index]) }))
	};
});

interface TextRow {
	month: string;
	stage_index: number | null;
	text: string;
}

// Messages of the same peak (or none) and stage (or none) count alike, so their texts are tokenized together.
function groupTexts(rows: readonly TextRow[], peak_of_month: ReadonlyMap<string, number>) {
	const groups = new Map<string, { peak: number | null; stage: number | null; texts: string[] }>();
	for (const { month, stage_index, text } of rows) {
		const peak = peak_of_month.get(month) ?? null;
		const key = `${peak}|${stage_index}`;
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { peak, stage: stage_index, texts: [] }));
		group.texts.push(text);
	}
	return groups.values();
}

function termCounts(texts: readonly string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (let first = 0; first < texts.length; first += TEXTS_PER_CALL) {
		for (const term of termTokens(texts.slice(first, first + TEXTS_PER_CALL).join('\n'))) counts.set(term, (counts.get(term) ?? 0) + 1);
	}
	return counts;
}

function add(total: Map<string, number>, counts: ReadonlyMap<string, number>): void {
	for (const [term, count] of counts) total.set(term, (total.get(term) ?? 0) + count);
}
