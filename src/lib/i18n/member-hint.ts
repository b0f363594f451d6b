import { m } from './messages';
import { patternTranslator } from './pattern-translator';

// The importers write role hints in English, which the dataset keeps; members.hint joins a member's hints with "; ".
const translateOne = patternTranslator([
	[/^QQ group owner$/, () => m.hint_qq_group_owner()],
	[/^QQ group admin$/, () => m.hint_qq_group_admin()],
	[/^QQ group title: (.*)$/, ([, title]) => m.hint_qq_group_title({ title })],
	[/^Discord roles: (.*)$/, ([, roles]) => m.hint_discord_roles({ roles })]
]);

/** What the export says about a member (members.hint), as the roles editor shows it: in the interface language. */
export function memberHint(hint: string): string {
	return hint.split('; ').map(translateOne).join(m.hint_separator());
}
