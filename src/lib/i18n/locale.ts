import { createSubscriber } from 'svelte/reactivity';
import { baseLocale, overwriteGetLocale, overwriteSetLocale, type Locale } from '../paraglide/runtime.js';
import { preferredLocale } from './preferred-locale';

const STORAGE_KEY = 'resonance-language';

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

const in_browser = typeof window !== 'undefined';
// Node (the CLI, tests) starts in English whatever the machine's language: the CLI chooses with --lang.
let current: Locale = in_browser ? preferredLocale(storage()?.getItem(STORAGE_KEY) ?? null, navigator.languages ?? []) : baseLocale;
let changed = () => {};
const subscribe = createSubscriber((update) => {
	changed = update;
	return () => {
		changed = () => {};
	};
});

function showLanguage(next: Locale) {
	if (in_browser) document.documentElement.lang = next;
}
showLanguage(current);

/**
 * The interface language. Reading `current` inside a component or `$derived` makes it update when the
 * language changes, and every compiled message reads it, so a switch re-renders the text in place.
 */
export const locale = {
	get current(): Locale {
		subscribe();
		return current;
	},
	/** Switches the language; in the browser also remembers it (localStorage) and sets `<html lang>`. */
	set(next: Locale) {
		try {
			storage()?.setItem(STORAGE_KEY, next);
		} catch {
			// Storage full or refused: the choice still holds until the page is closed.
		}
		if (next === current) return;
		current = next;
		showLanguage(next);
		changed();
	}
};

overwriteGetLocale(() => locale.current);
overwriteSetLocale((next) => locale.set(next));
