/** No export nests a message deeper than 5 levels (Telegram text entities, Discord embeds); 32 is a damaged or hostile file. */
export const MAX_MESSAGE_DEPTH = 32;

/**
 * True when a parsed JSON value nests objects or arrays more than `limit` levels deep. Iterative, and it stops at
 * the first path past the limit, so a value nested 100,000 levels costs no stack and little time.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length > 0) {
		const [current, depth] = stack.pop()!;
		if (typeof current !== 'object' || current === null) continue;
		if (depth >= limit) return true;
		for (const child of Array.isArray(current) ? current : Object.values(current)) {
			if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
		}
	}
	return false;
}
