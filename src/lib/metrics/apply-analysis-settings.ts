import type { Db } from '../db/db';
import { ensureTables, tableSettings } from './derived-tables';
import { NO_FILTER, type DataFilter } from './filter/data-filter';
import type { AnalysisChoices } from '../settings/analysis-settings';

/**
 * Applies the settings that act on a loaded dataset: member merges (applyMemberMerges: one member for several ids or names), roles (resolveRoles: overrides over the export's role
 * and the roster; everyone else a student once a mentor is named), the kinds no metric counts, the
 * person's filter (dates, members, roles, sources, kinds) and the stages, rebuilding only the derived tables
 * they change (ensureTables). The import settings (the time zone) act earlier, when the files are read.
 */
export async function applyAnalysisSettings(db: Db, settings: AnalysisChoices, filter: DataFilter = NO_FILTER): Promise<void> {
	await ensureTables(db, ['stage_messages'], tableSettings(settings, filter));
}
