import { m } from '../i18n/messages';
import { memberLabel } from './member-label';

/** A member's name with their other names (earlier nicknames, merged members): `布迪 (also: Budi, Budi S.)`. */
export function memberAlsoLabel(name: string, other_names: readonly string[]): string {
	const shown = memberLabel(name);
	return other_names.length === 0 ? shown : m.member_also_label({ name: shown, others: other_names.map(memberLabel).join(m.merges_list_comma()) });
}
