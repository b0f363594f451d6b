import type { Db } from '../db/db';
import { defineCountedMessages } from '../metrics/counted-messages';
import { NO_FILTER, type DataFilter } from '../metrics/filter/data-filter';
import { defineStageMessages } from '../metrics/stages/define-stage-messages';
import type { AnalysisSettings } from './analysis-settings';
import { applyMemberMerges } from './apply-member-merges';
import { resolveRoles } from './resolve-roles';

/**
 * Applies the settings that act on a loaded dataset: member merges (applyMemberMerges: one member for several ids or names), roles (resolveRoles: overrides over the export's role
 * and the roster; everyone else a student once a mentor is named), the kinds no metric counts, the
 * person's filter (dates, members, roles, sources, kinds) and the stages. The time zone acts earlier, when the files are read.
 */
export async function applyAnalysisSettings(db: Db, settings: AnalysisSettings, filter: DataFilter = NO_FILTER): Promise<void> {
	await applyMemberMerges(db, settings.member_merges);
	await resolveRoles(db, settings.roles);
	await defineCountedMessages(db, { excluded_kinds: settings.excluded_kinds, filter });
	await defineStageMessages(db, settings.stages);
}
