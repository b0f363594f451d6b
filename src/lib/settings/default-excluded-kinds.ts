/** The message kinds no metric counts until the researcher says otherwise (DESIGN: system messages, media and stickers). */
export const DEFAULT_EXCLUDED_KINDS: readonly string[] = ['system', 'media', 'sticker'];
