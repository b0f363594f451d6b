/** An SVG element as parsed markup: attributes in source order, children elements and text. */
export interface SvgElement {
	name: string;
	attributes: [string, string][];
	children: (SvgElement | string)[];
}
