import { lookAlikeKey } from '../../ingest/members/look-alike-key';

const DECORATION = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{So}\u{1f1e6}-\u{1f1ff}]|\u20e3|\s/gu;

/**
 * A name as a key for suggesting a merge: equal keys differ only by case, width (NFKC), spaces, invisible
 * characters, look-alike letters or emoji and symbol decoration (`Budi S.`, `ｂｕｄｉ s.`, `✨Budi S.✨`).
 * Empty for a name made only of decoration.
 */
export function mergeNameKey(name: string): string {
	return lookAlikeKey(name).replace(DECORATION, '').toLowerCase();
}
