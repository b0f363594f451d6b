/**
 * Texts and names an attacker or a broken exporter might put in a chat export: HTML/script payloads,
 * spreadsheet formulas, quotes, separators, line breaks, control characters, right-to-left marks and
 * characters outside the Basic Multilingual Plane.
 */
export const HOSTILE_STRINGS: readonly string[] = [
	'<img src=x onerror="window.__pwned=1">',
	'<script>window.__pwned=1</script>',
	'"><svg onload=window.__pwned=1>',
	'=HYPERLINK("http://evil")',
	'+1+1',
	'@SUM(A1)',
	'-2+3',
	'a,b,"c"',
	'"',
	'""',
	'line 1\nline 2',
	'line 1\r\nline 2',
	'cr\ronly',
	'tab\there',
	'\u200e\u202eRTL\u202c',
	'😀👩‍👩‍👧 emoji',
	'中文的消息，有标点。',
	"Robert'); DROP TABLE messages;--",
	'${jndi:ldap://x}',
	'\\N',
	'NULL',
	' ',
	''
];
