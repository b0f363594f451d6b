import { textWidth } from './text-width';

/** `text` cut to fit `room_px` at `font_size`, with an ellipsis when cut; linear in the length of `text`. */
export function shortenedLabel(text: string, room_px: number, font_size: number): string {
	if (textWidth(text, font_size) <= room_px) return text;
	const room_before_ellipsis = room_px - textWidth('…', font_size);
	let width = 0;
	let kept = '';
	for (const char of text) {
		width += textWidth(char, font_size);
		if (width > room_before_ellipsis) break;
		kept += char;
	}
	return kept.trimEnd() + '…';
}
