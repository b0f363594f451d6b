import { describe, expect, it } from 'vitest';
import { inlineFigureSvg } from './inline-figure-svg';

describe('inlineFigureSvg', () => {
	it('renumbers ids with their references under the prefix and drops what could run or load', () => {
		const svg = [
			'<?xml version="1.0" encoding="UTF-8"?>',
			'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)" aria-labelledby="figure-1">',
			'<title id="figure-1">T</title><clipPath id="figure-2"><rect width="5" height="5"/></clipPath>',
			'<g clip-path="url(#figure-2)"><use href="#figure-2"/><use href="https://example.org/x.svg#a"/></g>',
			'<script>alert(2)</script><foreignObject><div>x</div></foreignObject><a href="https://example.org"><text>link</text></a>',
			'<image href="data:image/png;base64,AAAA"/><text x="1">&lt;b&gt; &amp; "q"</text>',
			'</svg>'
		].join('');
		expect(inlineFigureSvg(svg, 'f2-')).toBe(
			[
				'<svg aria-labelledby="f2-1" height="10" width="10">',
				'\t<title id="f2-1">T</title>',
				'\t<clipPath id="f2-2">',
				'\t\t<rect height="5" width="5"/>',
				'\t</clipPath>',
				'\t<g clip-path="url(#f2-2)">',
				'\t\t<use href="#f2-2"/>',
				'\t\t<use/>',
				'\t</g>',
				'\t<text x="1">&lt;b&gt; &amp; "q"</text>',
				'</svg>'
			].join('\n')
		);
	});
});
