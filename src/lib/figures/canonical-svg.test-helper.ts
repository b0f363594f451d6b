import { canonicalSvgTree } from './canonical-svg-tree';
import { parseSvg } from './parse-svg';
import { serializeSvg } from './serialize-svg';

/**
 * For the chart snapshot tests: the first `<svg>` of some markup as a standalone, deterministic SVG file (see
 * canonicalSvgTree), the same bytes from a server render and from the browser's DOM.
 */
export function canonicalSvg(markup: string): string {
	const root = canonicalSvgTree(parseSvg(markup));
	const attributes = root.attributes.filter(([name]) => name !== 'xmlns');
	return serializeSvg({ ...root, attributes: [['xmlns', 'http://www.w3.org/2000/svg'], ...attributes] }) + '\n';
}
