import { canonicalSvgTree } from '../figures/canonical-svg-tree';
import { parseSvg } from '../figures/parse-svg';
import { serializeSvg } from '../figures/serialize-svg';
import type { SvgElement } from '../figures/svg-element';

const NEVER_INLINE = new Set(['script', 'foreignObject', 'iframe', 'image', 'a', 'style']);

/**
 * A figure's SVG document as an `<svg>` element to put inside an HTML page beside others: its ids renumbered
 * under `id_prefix` (every figure would otherwise have `figure-1`), and nothing that could run or load anything.
 */
export function inlineFigureSvg(svg_document: string, id_prefix: string): string {
	const tree = canonicalSvgTree(withoutActiveParts(parseSvg(svg_document)), id_prefix);
	return serializeSvg({ ...tree, attributes: tree.attributes.filter(([name]) => name !== 'xmlns') });
}

// Charts draw none of these; a report that opens anywhere must not depend on that staying true.
function withoutActiveParts(element: SvgElement): SvgElement {
	return {
		name: element.name,
		attributes: element.attributes.filter(([name, value]) => !((name === 'href' || name === 'xlink:href') && !value.startsWith('#'))),
		children: element.children
			.filter((child) => typeof child === 'string' || !NEVER_INLINE.has(child.name))
			.map((child) => (typeof child === 'string' ? child : withoutActiveParts(child)))
	};
}
