import type { AnalysisSettings } from '../settings/analysis-settings';
import { defaultAnalysisSettings } from '../settings/default-analysis-settings';
import { localTimeZone } from '../settings/local-time-zone';
import { parseAnalysisSettings } from '../settings/parse-analysis-settings';
import { m } from '../i18n/messages';

const PREFIX = 'resonance:settings:';

/**
 * The analysis settings of the open dataset, kept in the browser's localStorage under a key for that
 * dataset, so a reload (or a crashed worker) restores stages, events, roles and sensitivity.
 */
export class SettingsStore {
	settings = $state<AnalysisSettings>(defaultAnalysisSettings(localTimeZone()));
	/** Set when stored settings could not be read (they are then left in storage, untouched). */
	problem = $state<string | null>(null);
	#key = '';

	/** Switches to the dataset `key`: its stored settings, else `initial`. */
	open(key: string, initial: AnalysisSettings) {
		this.#key = PREFIX + key;
		this.problem = null;
		const stored = storage()?.getItem(this.#key);
		if (stored) {
			try {
				this.settings = parseAnalysisSettings(stored);
				return;
			} catch (error) {
				this.problem = m.settings_saved_unreadable({ error: error instanceof Error ? error.message : String(error) });
			}
		}
		this.settings = initial;
	}

	/** Replaces the settings (already valid) and stores them; when the browser cannot keep them, says so in `problem`. */
	update(settings: AnalysisSettings) {
		this.settings = settings;
		try {
			storage()?.setItem(this.#key, JSON.stringify(settings));
			this.problem = null;
		} catch (error) {
			const reason = error instanceof DOMException && error.name === 'QuotaExceededError' ? m.settings_storage_full() : error instanceof Error ? error.message : String(error);
			this.problem = m.settings_not_kept({ reason });
		}
	}

	/** Reads a settings file chosen by the user; throws one line naming the bad field. */
	importJson(text: string) {
		this.update(parseAnalysisSettings(text));
	}

	exportJson(): string {
		return JSON.stringify(this.settings, null, '\t') + '\n';
	}

	/** Forgets the stored settings of the dataset `key` (open or not); what is in memory stays. */
	forget(key: string) {
		storage()?.removeItem(PREFIX + key);
	}

	/** Forgets the stored settings of the open dataset. */
	reset(initial: AnalysisSettings) {
		storage()?.removeItem(this.#key);
		this.settings = initial;
	}
}

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}
