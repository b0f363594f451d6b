import type { Db } from '../db/db';
import sql from './monthly-series.sql?raw';

/** One calendar month of activity. `likes` is null when the source has no likes; `mentor_share` when no messages. */
export interface MonthlyRow {
	/** `YYYY-MM` */
	month: string;
	messages: number;
	words: number;
	likes: number | null;
	active_members: number;
	active_students: number;
	new_members: number;
	mentor_messages: number;
	/** mentor messages / messages, 0–1 */
	mentor_share: number | null;
}

/** Every month from the first to the last counted message, empty months as 0 (DESIGN.md "Monthly series"). */
export async function monthlySeries(db: Db): Promise<MonthlyRow[]> {
	return db.query<MonthlyRow>(sql);
}
