/** Scripts written without spaces, where only a dictionary segmenter can find the words. */
const UNSPACED_SCRIPT = '[\\p{Han}\\p{Hiragana}\\p{Katakana}\\p{Hangul}\\p{Thai}\\p{Lao}\\p{Khmer}\\p{Myanmar}]';
/** Intl.Segmenter's word rule for spaced scripts: letter/digit runs, joined by an apostrophe or a point. */
const SPACED_WORD = "[\\p{L}\\p{M}\\p{N}_]+(?:[''.’][\\p{L}\\p{M}\\p{N}_]+)*";

/**
 * SQL for the word count of `text`: exact for spaced scripts, NULL when the text holds Chinese, Japanese,
 * Korean or Thai, which `fillWordCounts` then counts with Intl.Segmenter.
 */
export const SPACED_WORD_COUNT_SQL = `CASE WHEN regexp_matches(text, '${UNSPACED_SCRIPT}') THEN NULL
	ELSE len(regexp_extract_all(text, '${SPACED_WORD}')) END`;
