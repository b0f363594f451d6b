import type { Db } from '../db/db';
import { insertRows } from '../db/insert-rows';
import { defineCountedMessages } from '../metrics/counted-messages';
import { defineStageMessages } from '../metrics/stages/define-stage-messages';
import type { AnalysisSettings } from './analysis-settings';

/**
 * Applies the settings that act on a loaded dataset: roles (by author id or name, over the export's role
 * and the roster, in `messages` and `members`), the kinds no metric counts, and the stages. The time zone
 * acts earlier, when the files are read. Applying other settings later undoes role overrides that are gone.
 */
export async function applyAnalysisSettings(db: Db, settings: AnalysisSettings): Promise<void> {
	await applyRoles(db, settings.roles);
	await defineCountedMessages(db, { excluded_kinds: settings.excluded_kinds });
	await defineStageMessages(db, settings.stages);
}

// The role each row had after import and roster is kept in `imported_role`, so an override the user
// removes gives the row its own role back instead of leaving the last override in place.
async function applyRoles(db: Db, roles: Record<string, string>): Promise<void> {
	const overrides = Object.entries(roles).map(([author, role]) => ({ author, role }));
	const [{ had_overrides }] = await db.query<{ had_overrides: boolean }>(
		`SELECT count(*) > 0 AS had_overrides FROM information_schema.tables WHERE table_name = 'role_settings'`
	);
	if (overrides.length === 0 && !had_overrides) return;
	for (const table of ['messages', 'members']) {
		const [{ kept }] = await db.query<{ kept: boolean }>(
			`SELECT count(*) > 0 AS kept FROM information_schema.columns WHERE table_name = ? AND column_name = 'imported_role'`,
			[table]
		);
		if (!kept) await db.exec(`ALTER TABLE ${table} ADD COLUMN imported_role VARCHAR; UPDATE ${table} SET imported_role = role`);
		else await db.exec(`UPDATE ${table} SET role = imported_role WHERE role IS DISTINCT FROM imported_role`);
	}
	if (overrides.length === 0) {
		await db.exec('DROP TABLE role_settings');
		return;
	}
	await insertRows(db, 'role_settings', { author: 'VARCHAR', role: 'VARCHAR' }, overrides);
	for (const table of ['messages', 'members']) {
		await db.exec(`UPDATE ${table} SET role = s.role FROM role_settings s WHERE ${table}.author_id = s.author OR ${table}.author_name = s.author`);
	}
}
