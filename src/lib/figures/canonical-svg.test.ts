import { describe, expect, it } from 'vitest';
import { canonicalSvg } from './canonical-svg.test-helper';

describe('canonicalSvg', () => {
	it('keeps the first <svg> of server markup without hydration comments, classes, tabindex or the interactive layer', () => {
		const markup =
			'<!--[--><div class="chart svelte-1x"><svg width="10" height="5" class="svelte-1x" tabindex="0" role="img"><!--[--><rect x="0.123456" y="-0.001" width="3" height="2"></rect><!--]--><g data-interactive=""><rect fill="transparent"></rect></g></svg><p>after</p></div><!--]-->';
		expect(canonicalSvg(markup)).toBe(
			'<svg xmlns="http://www.w3.org/2000/svg" height="5" role="img" width="10">\n\t<rect height="2" width="3" x="0.12" y="0"/>\n</svg>\n'
		);
	});

	it('decodes and re-escapes entities, collapses whitespace, drops whitespace-only text and writes <text> on one line', () => {
		const markup = `<svg><text x="1" aria-label="a &quot;b&quot; &amp; c">  Tom &amp; Jerry &lt;3 <tspan dy="1.005">x</tspan>\n  </text></svg>`;
		expect(canonicalSvg(markup)).toBe(
			'<svg xmlns="http://www.w3.org/2000/svg">\n\t<text aria-label="a &quot;b&quot; &amp; c" x="1"> Tom &amp; Jerry &lt;3 <tspan dy="1">x</tspan></text>\n</svg>\n'
		);
	});

	it('renumbers ids in document order with every url(#…), href and aria reference', () => {
		const markup =
			'<svg aria-labelledby="s1-t"><title id="s1-t">T</title><defs><marker id="s1-arrow"></marker></defs><path marker-end="url(#s1-arrow)"></path><use href="#s1-arrow"></use></svg>';
		expect(canonicalSvg(markup)).toBe(
			'<svg xmlns="http://www.w3.org/2000/svg" aria-labelledby="id-1">\n\t<title id="id-1">T</title>\n\t<defs>\n\t\t<marker id="id-2"/>\n\t</defs>\n\t<path marker-end="url(#id-2)"/>\n\t<use href="#id-2"/>\n</svg>\n'
		);
	});

	it('rounds numbers inside geometry attributes only, exponents and negative zero included', () => {
		const markup = '<svg><path d="M1.23456,-0.0001L1e-7,2.5e3" transform="translate(0.333333,2) rotate(-90)" aria-label="1.23456"></path></svg>';
		expect(canonicalSvg(markup)).toContain('<path aria-label="1.23456" d="M1.23,0L0,2500" transform="translate(0.33,2) rotate(-90)"/>');
	});

	it('throws when there is no svg', () => {
		expect(() => canonicalSvg('<div>no chart</div>')).toThrow('no <svg> element');
	});
});
