import { m } from './messages';
import { patternTranslator, type TranslatedPattern } from './pattern-translator';

const UNITS: Record<string, () => string> = { month: m.grain_month, week: m.grain_week, day: m.grain_day };
const unit = (name: string) => UNITS[name.replace(/s$/, '')]?.() ?? name;

// explainPeaks writes its reasons in English for the CLI's JSON; the timeline translates them when it shows them.
const PATTERNS: TranslatedPattern[] = [
	[/^not a peak: first (\w+) is never a peak$/, ([, grain]) => m.peak_reason_first({ grain: unit(grain) })],
	[/^not a peak: last (\w+) is never a peak$/, ([, grain]) => m.peak_reason_last({ grain: unit(grain) })],
	[/^not a peak: on a flat top counted once, at (.+)$/, ([, at]) => m.peak_reason_flat_top({ at })],
	[/^not a peak: not higher than both neighbours$/, () => m.peak_reason_not_higher()],
	[/^not a peak: prominence (\S+) below threshold (\S+)$/, ([, prominence, threshold]) => m.peak_reason_below({ prominence, threshold })],
	[
		/^not a peak: within (\d+) (\w+) of a (higher peak|higher local maximum) \((.+)\)$/,
		([, gap, grain, higher, at]) =>
			(higher === 'higher peak' ? m.peak_reason_near_peak : m.peak_reason_near_maximum)({ gap, grain: unit(grain), at })
	],
	[/^peak: prominence (\S+) ≥ threshold (\S+)$/, ([, prominence, threshold]) => m.peak_reason_peak({ prominence, threshold })]
];

/** Why a period is a peak or not (explainPeaks' reason), in the interface language. */
export const peakReason = patternTranslator(PATTERNS);
