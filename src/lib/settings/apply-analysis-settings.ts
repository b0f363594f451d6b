import type { Db } from '../db/db';
import { insertRows } from '../db/insert-rows';
import { defineCountedMessages } from '../metrics/counted-messages';
import { defineStageMessages } from '../metrics/stages/define-stage-messages';
import type { AnalysisSettings } from './analysis-settings';

/**
 * Applies the settings that act on a loaded dataset: roles (by author id or name, over the export's role
 * and the roster, in `messages` and `members`), the kinds no metric counts, and the stages. The time zone
 * acts earlier, when the files are read.
 */
export async function applyAnalysisSettings(db: Db, settings: AnalysisSettings): Promise<void> {
	const roles = Object.entries(settings.roles).map(([author, role]) => ({ author, role }));
	if (roles.length > 0) {
		await insertRows(db, 'role_settings', { author: 'VARCHAR', role: 'VARCHAR' }, roles);
		for (const table of ['messages', 'members']) {
			await db.exec(`UPDATE ${table} SET role = s.role FROM role_settings s WHERE ${table}.author_id = s.author OR ${table}.author_name = s.author`);
		}
	}
	await defineCountedMessages(db, { excluded_kinds: settings.excluded_kinds });
	await defineStageMessages(db, settings.stages);
}
