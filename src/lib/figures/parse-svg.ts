import type { SvgElement } from './svg-element';

const ENTITIES = new Map(Object.entries({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }));

/**
 * The first `<svg>` element of some markup (a component's server-rendered HTML, an element's outerHTML, or
 * an SVG file) as a tree: comments dropped, entities decoded. Only the markup charts produce is supported:
 * elements, quoted or bare attributes, text and comments, no CDATA or processing instructions inside.
 */
export function parseSvg(markup: string): SvgElement {
	const start = markup.search(/<svg[\s>/]/i);
	if (start < 0) throw new Error('parseSvg: no <svg> element in the markup');
	const document: SvgElement = { name: '#document', attributes: [], children: [] };
	const stack: SvgElement[] = [document];
	let at = start;
	while (at < markup.length) {
		const parent = stack[stack.length - 1];
		if (markup.startsWith('<!--', at)) {
			const end = markup.indexOf('-->', at + 4);
			at = end < 0 ? markup.length : end + 3;
		} else if (markup.startsWith('</', at)) {
			const end = markup.indexOf('>', at);
			const name = markup.slice(at + 2, end).trim();
			const open = stack.findLastIndex((element) => element.name === name);
			if (open > 0) stack.length = open;
			at = end + 1;
			if (stack.length === 1) break;
		} else if (markup[at] === '<' && /[A-Za-z]/.test(markup[at + 1] ?? '')) {
			const tag = /^<([A-Za-z][\w:.-]*)/.exec(markup.slice(at, at + 200))!;
			const element: SvgElement = { name: tag[1], attributes: [], children: [] };
			at += tag[0].length;
			const attribute = /\s*([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\s*(\/?>)/y;
			let self_closing = false;
			for (;;) {
				attribute.lastIndex = at;
				const match = attribute.exec(markup);
				if (!match) throw new Error(`parseSvg: malformed tag <${element.name}> at offset ${at}`);
				at = attribute.lastIndex;
				if (match[5]) {
					self_closing = match[5] === '/>';
					break;
				}
				element.attributes.push([match[1], decode(match[2] ?? match[3] ?? match[4] ?? '')]);
			}
			parent.children.push(element);
			if (!self_closing) stack.push(element);
			else if (stack.length === 1) break;
		} else {
			const end = markup.indexOf('<', at + 1);
			const text = decode(markup.slice(at, end < 0 ? markup.length : end));
			const last = parent.children[parent.children.length - 1];
			if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text;
			else parent.children.push(text);
			at = end < 0 ? markup.length : end;
		}
	}
	const root = document.children.find((child): child is SvgElement => typeof child !== 'string');
	if (!root) throw new Error('parseSvg: no <svg> element in the markup');
	return root;
}

function decode(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
		if (body[0] === '#') return String.fromCodePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1)));
		return ENTITIES.get(body) ?? entity;
	});
}
