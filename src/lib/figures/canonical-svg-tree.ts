import type { SvgElement } from './svg-element';

const GEOMETRY = new Set([
	'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'd', 'points', 'transform',
	'dx', 'dy', 'viewBox', 'stroke-width', 'font-size', 'stroke-dasharray', 'offset', 'opacity', 'fill-opacity',
	'stroke-opacity', 'refX', 'refY', 'markerWidth', 'markerHeight'
]);
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/**
 * One SVG tree however it was produced (server render, browser DOM): interactive-only parts removed
 * (elements with a `data-interactive` attribute; `class`, `tabindex`, `data-*` and `on*` attributes),
 * numbers in geometry attributes rounded to 2 decimals, ids renumbered `${id_prefix}1…` in document order
 * with every reference, whitespace-only text dropped and runs of whitespace collapsed.
 */
export function canonicalSvgTree(root: SvgElement, id_prefix = 'id-'): SvgElement {
	const ids = new Map<string, string>();
	collectIds(root);
	return clean(root);

	function collectIds(element: SvgElement) {
		if ('data-interactive' in Object.fromEntries(element.attributes)) return;
		for (const [name, value] of element.attributes) if (name === 'id' && !ids.has(value)) ids.set(value, `${id_prefix}${ids.size + 1}`);
		for (const child of element.children) if (typeof child !== 'string') collectIds(child);
	}

	function clean(element: SvgElement): SvgElement {
		const attributes = element.attributes
			.filter(([name]) => !(name === 'class' || name === 'tabindex' || name.startsWith('data-') || /^on/i.test(name)))
			.map(([name, value]): [string, string] => [name, attributeValue(name, value)])
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		const children: (SvgElement | string)[] = [];
		for (const child of element.children) {
			if (typeof child === 'string') {
				if (child.trim() === '') continue;
				const text = child.replace(/\s+/g, ' ');
				const last = children[children.length - 1];
				if (typeof last === 'string') children[children.length - 1] = last + text;
				else children.push(text);
			} else if (!child.attributes.some(([name]) => name === 'data-interactive')) {
				children.push(clean(child));
			}
		}
		return { name: element.name, attributes, children };
	}

	function attributeValue(name: string, value: string): string {
		if (name === 'id') return ids.get(value) ?? value;
		if ((name === 'href' || name === 'xlink:href') && value.startsWith('#')) return '#' + (ids.get(value.slice(1)) ?? value.slice(1));
		if (name === 'aria-labelledby' || name === 'aria-describedby') return value.split(/\s+/).map((id) => ids.get(id) ?? id).join(' ');
		const referenced = value.replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole));
		if (!GEOMETRY.has(name)) return referenced;
		return referenced.replace(NUMBER, (number) => {
			const rounded = Math.round(Number(number) * 100) / 100;
			return String(Object.is(rounded, -0) ? 0 : rounded);
		});
	}
}
