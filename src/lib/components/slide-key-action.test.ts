import { describe, expect, it } from 'vitest';
import { slideKeyAction } from './slide-key-action';

const key = (name: string, held: { shiftKey?: boolean; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean } = {}) => ({
	key: name,
	shiftKey: false,
	ctrlKey: false,
	altKey: false,
	metaKey: false,
	...held
});

describe('slideKeyAction(key, index, count)', () => {
	it('goes to the next slide on the keys keyboards and clickers send for “next”', () => {
		for (const name of ['ArrowRight', 'ArrowDown', 'PageDown', ' ']) expect(slideKeyAction(key(name), 2, 9), name).toEqual({ kind: 'go', index: 3 });
	});

	it('goes back on the keys for “previous”, Shift+Space included', () => {
		for (const name of ['ArrowLeft', 'ArrowUp', 'PageUp']) expect(slideKeyAction(key(name), 2, 9), name).toEqual({ kind: 'go', index: 1 });
		expect(slideKeyAction(key(' ', { shiftKey: true }), 2, 9)).toEqual({ kind: 'go', index: 1 });
	});

	it('stays on the first and the last slide at the ends of the deck', () => {
		expect(slideKeyAction(key('ArrowLeft'), 0, 9)).toEqual({ kind: 'go', index: 0 });
		expect(slideKeyAction(key('PageDown'), 8, 9)).toEqual({ kind: 'go', index: 8 });
	});

	it('jumps to the first slide on Home and the last on End', () => {
		expect(slideKeyAction(key('Home'), 5, 9)).toEqual({ kind: 'go', index: 0 });
		expect(slideKeyAction(key('End'), 0, 9)).toEqual({ kind: 'go', index: 8 });
	});

	it('leaves on Esc and toggles full screen on F, either case', () => {
		expect(slideKeyAction(key('Escape'), 4, 9)).toEqual({ kind: 'leave' });
		expect(slideKeyAction(key('f'), 4, 9)).toEqual({ kind: 'fullscreen' });
		expect(slideKeyAction(key('F', { shiftKey: true }), 4, 9)).toEqual({ kind: 'fullscreen' });
	});

	it('leaves browser shortcuts and other keys alone', () => {
		expect(slideKeyAction(key('ArrowRight', { altKey: true }), 2, 9)).toBeNull();
		expect(slideKeyAction(key('f', { ctrlKey: true }), 2, 9)).toBeNull();
		expect(slideKeyAction(key('ArrowLeft', { metaKey: true }), 2, 9)).toBeNull();
		expect(slideKeyAction(key('Tab'), 2, 9)).toBeNull();
		expect(slideKeyAction(key('a'), 2, 9)).toBeNull();
	});
});
