import { palette } from './palette';

const ROLE_COLORS: ReadonlyMap<string, string> = new Map(Object.entries(palette.roles));

/**
 * The colour of a member's role: mentor and student have their own, any other role shares one, and no role
 * is grey. (A map, not an object lookup: a role named `constructor` or `toString` is just another role.)
 */
export function roleColor(role: string | null | undefined): string {
	return role ? (ROLE_COLORS.get(role) ?? palette.roles.other) : palette.roles.unknown;
}
