import Papa from 'papaparse';
import type { RejectedRow } from '../canonical-message';

/** One member listed in a roster CSV (`author,role[,cohort]`); members who never posted are lurkers. */
export interface RosterEntry {
	author: string;
	role: string;
	cohort: string | null;
}

/** Parses a roster CSV; rows without an author or role are reported, not dropped silently. */
export function parseRoster(text: string): { entries: RosterEntry[]; rejected: RejectedRow[] } {
	// Blank lines are kept while parsing so that every row's index is its line in the file.
	const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''));
	const [header = [], ...rows] = parsed.data;
	const names = header.map((name) => name.trim().toLowerCase());
	const author = names.indexOf('author');
	const role = names.indexOf('role');
	const cohort = names.indexOf('cohort');
	if (author < 0 || role < 0) throw new Error('The roster needs a header with the columns author and role (cohort optional).');
	const entries: RosterEntry[] = [];
	const rejected: RejectedRow[] = [];
	rows.forEach((row, index) => {
		const line = index + 2;
		if (row.length === 1 && row[0].trim() === '') return;
		const name = row[author]?.trim();
		const label = row[role]?.trim().toLowerCase();
		if (!name) rejected.push({ line, reason: 'author is empty' });
		else if (!label) rejected.push({ line, reason: `role of ${name} is empty` });
		else entries.push({ author: name, role: label, cohort: cohort >= 0 ? row[cohort]?.trim() || null : null });
	});
	return { entries, rejected };
}
