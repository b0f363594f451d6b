/**
 * Cyrillic and Greek letters drawn like a Latin letter in common fonts (from Unicode's confusables.txt,
 * the single-letter cases), each with the Latin letter it passes for.
 */
export const LATIN_LOOK_ALIKES: ReadonlyMap<string, string> = new Map(
	[
		// Cyrillic
		'АA', 'аa', 'ВB', 'ЕE', 'еe', 'КK', 'МM', 'НH', 'ОO', 'оo', 'РP', 'рp', 'СC', 'сc', 'ТT', 'УY', 'уy', 'ХX', 'хx',
		'ЅS', 'ѕs', 'ІI', 'іi', 'ЈJ', 'јj', 'ԁd', 'һh', 'ԚQ', 'ԛq', 'ԜW', 'ԝw', 'ӏl',
		// Greek
		'ΑA', 'ΒB', 'ΕE', 'ΖZ', 'ΗH', 'ΙI', 'ΚK', 'ΜM', 'ΝN', 'ΟO', 'οo', 'ΡP', 'ΤT', 'ΥY', 'ΧX', 'νv'
	].map((pair) => [pair[0], pair[1]])
);
