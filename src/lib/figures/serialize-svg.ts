import type { SvgElement } from './svg-element';

/**
 * XML text of an SVG tree, one element per line indented with tabs; a `<text>` or any element holding text
 * is written on one line with everything inside it (whitespace there is content); empty elements self-close.
 */
export function serializeSvg(element: SvgElement, depth = 0): string {
	return '\t'.repeat(depth) + write(element, depth);
}

function write(element: SvgElement, depth: number | null): string {
	const attributes = element.attributes.map(([name, value]) => ` ${name}="${escape(value, true)}"`).join('');
	if (element.children.length === 0) return `<${element.name}${attributes}/>`;
	const level = depth ?? 0;
	// Inside <text>, whitespace between tspans would become part of the text.
	const inline = depth === null || element.name === 'text' || element.children.some((child) => typeof child === 'string');
	const children = element.children.map((child) => {
		if (typeof child === 'string') return escape(child, false);
		return inline ? write(child, null) : '\n' + '\t'.repeat(level + 1) + write(child, level + 1);
	});
	return `<${element.name}${attributes}>${children.join('')}${inline ? '' : '\n' + '\t'.repeat(level)}</${element.name}>`;
}

function escape(text: string, attribute: boolean): string {
	const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
	return attribute ? escaped.replaceAll('"', '&quot;') : escaped;
}
