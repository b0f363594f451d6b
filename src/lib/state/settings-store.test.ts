import { afterEach, describe, expect, test } from 'vitest';
import { sampleSettings } from '../sample/sample-settings';
import { defaultAnalysisSettings } from '../settings/default-analysis-settings';
import { parseAnalysisSettings } from '../settings/parse-analysis-settings';
import { SettingsStore } from './settings-store.svelte';

/** localStorage as browsers have it: string values, and a QuotaExceededError past `quota` characters. */
class QuotaStorage {
	readonly #items = new Map<string, string>();
	constructor(readonly quota: number) {}
	getItem(key: string) {
		return this.#items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		const used = [...this.#items].reduce((sum, [other, stored]) => (other === key ? sum : sum + other.length + stored.length), 0);
		if (used + key.length + value.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		this.#items.set(key, String(value));
	}
	removeItem(key: string) {
		this.#items.delete(key);
	}
}

afterEach(() => {
	delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('SettingsStore', () => {
	test('settings the browser cannot keep still apply, and the store says so instead of throwing', () => {
		(globalThis as { localStorage?: unknown }).localStorage = new QuotaStorage(2_000);
		const store = new SettingsStore();
		store.open('community.csv:100', defaultAnalysisSettings('UTC'));
		const small = parseAnalysisSettings(sampleSettings);
		store.update(small);
		expect(store.problem).toBeNull();
		const large = { ...small, roles: Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`member ${index}`, 'student'])) };
		expect(() => store.update(large)).not.toThrow();
		expect(store.settings).toEqual(large);
		expect(store.problem).toBe('These settings apply now but this browser could not keep them (its storage is full): use Save settings… to keep them in a file.');

		const reopened = new SettingsStore();
		reopened.open('community.csv:100', defaultAnalysisSettings('UTC'));
		expect(reopened.settings).toEqual(small);
		store.update(small);
		expect(store.problem).toBeNull();
	});
});
