import { m } from './messages';

/** A role as the interface language names it: mentor → "mentors"/"导师"; a role of the person's own, as they wrote it. */
export function roleName(role: string, { plural = false } = {}): string {
	if (role === 'mentor') return plural ? m.role_mentors() : m.role_mentor();
	if (role === 'student') return plural ? m.role_students() : m.role_student();
	return plural && !role.endsWith('s') ? m.role_other_plural({ role }) : role;
}
