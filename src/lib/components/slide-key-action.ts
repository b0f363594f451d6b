/** What a key does in the slide show: go to a slide (0-based, clamped to the deck), leave it, or toggle full screen. */
export type SlideKeyAction = { kind: 'go'; index: number } | { kind: 'leave' } | { kind: 'fullscreen' };

type Key = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>;

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/**
 * The slide show's keys, keyboard and presentation clicker alike (clickers send PageDown/PageUp or the arrows):
 * next, previous, Space and Shift+Space, Home, End, Esc to leave, F for full screen. Null for any other key, and
 * for browser shortcuts (Ctrl, Alt or Meta held), which stay the browser's.
 */
export function slideKeyAction(event: Key, index: number, count: number): SlideKeyAction | null {
	if (event.ctrlKey || event.altKey || event.metaKey) return null;
	const go = (target: number) => ({ kind: 'go' as const, index: Math.max(0, Math.min(count - 1, target)) });
	if (event.key === ' ') return go(event.shiftKey ? index - 1 : index + 1);
	if (NEXT.has(event.key)) return go(index + 1);
	if (PREVIOUS.has(event.key)) return go(index - 1);
	if (event.key === 'Home') return go(0);
	if (event.key === 'End') return go(count - 1);
	if (event.key === 'Escape') return { kind: 'leave' };
	if (event.key === 'f' || event.key === 'F') return { kind: 'fullscreen' };
	return null;
}
