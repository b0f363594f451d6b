/**
 * An RE2 pattern (that JavaScript reads as well, for highlighting) matching a link to `domain` as sharedItems reads
 * links: after http(s):// or www., any user info and one `www.`, the host itself and not a longer one.
 */
export function domainLinkPattern(domain: string): string {
	const host = domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return `(?i)(?:https?://|www\\.)(?:[^\\s/?#@]*@)?(?:www\\.)?${host}(?:$|[^a-z0-9_~.\\-]|\\.(?:$|[^a-z0-9_~\\-]))`;
}
