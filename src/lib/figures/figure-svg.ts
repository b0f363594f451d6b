import { chartTheme } from '../charts/chart-theme';
import { canonicalSvgTree } from './canonical-svg-tree';
import { figureLayout, type FigureLayout } from './figure-layout';
import type { FigureOptions } from './figure-options';
import { parseSvg } from './parse-svg';
import { serializeSvg } from './serialize-svg';
import type { SvgElement } from './svg-element';

/**
 * A standalone SVG document of a chart for a paper or a talk: XML declaration, the font stack, a white
 * background, the title above and the method caption below as editable text (wrapped to the width), the
 * chart scaled into the space between (the figure grows taller when the chart needs it), and
 * `<title>`/`<desc>` for screen readers. The chart markup may come
 * from `svelte/server` or from the browser's DOM: it is canonicalised first (see canonicalSvgTree), so the
 * same chart, options and size give the same bytes wherever the figure is made.
 */
export function figureSvg(chart_svg_markup: string, options: FigureOptions): string {
	const { width, title, caption } = options;
	const chart = parseSvg(chart_svg_markup);
	const attribute = (name: string) => chart.attributes.find(([key]) => key === name)?.[1];
	const first_layout = figureLayout(options);
	const view_box = attribute('viewBox') ?? `0 0 ${attribute('width') ?? first_layout.chart.width} ${attribute('height') ?? first_layout.chart.height}`;
	// A chart taller than the space left (a heatmap with many rows) makes the figure taller instead of
	// being shrunk until its type is unreadable.
	const [, , box_width, box_height] = view_box.split(/[\s,]+/).map(Number);
	const needed = box_width > 0 ? (first_layout.chart.width * box_height) / box_width : 0;
	const height = needed > first_layout.chart.height + 0.5 ? Math.ceil(options.height + needed - first_layout.chart.height) : options.height;
	const layout = height === options.height ? first_layout : figureLayout({ ...options, height });
	const text_of = (name: string) => {
		const found = chart.children.find((child): child is SvgElement => typeof child !== 'string' && child.name === name);
		return found ? found.children.filter((child): child is string => typeof child === 'string').join('') : '';
	};
	const chart_description = text_of('desc');
	const text = (lines: string[], part: FigureLayout['title'], extra: [string, string][]): SvgElement => ({
		name: 'text',
		attributes: [['x', String(layout.text_x)], ['y', String(part.first_baseline)], ['font-size', String(part.font_size)], ...extra],
		children: lines.map((line, index) => ({
			name: 'tspan',
			attributes: [['x', String(layout.text_x)], ['y', String(part.first_baseline + index * part.line_height)]],
			children: [line]
		}))
	});
	const root: SvgElement = {
		name: 'svg',
		attributes: [
			['width', String(width)],
			['height', String(height)],
			['viewBox', `0 0 ${width} ${height}`],
			['font-family', chartTheme().font_family],
			['role', 'img'],
			['aria-labelledby', 'figure-title figure-desc']
		],
		children: [
			{ name: 'title', attributes: [['id', 'figure-title']], children: [title] },
			{ name: 'desc', attributes: [['id', 'figure-desc']], children: [[chart_description, caption].filter(Boolean).join(' ')] },
			{ name: 'rect', attributes: [['width', String(width)], ['height', String(height)], ['fill', 'white']], children: [] },
			...(layout.title.lines.length > 0 ? [text(layout.title.lines, layout.title, [['font-weight', '700'], ['fill', '#1a1a1a']])] : []),
			{
				name: 'svg',
				attributes: [
					['x', String(layout.chart.x)],
					['y', String(layout.chart.y)],
					['width', String(layout.chart.width)],
					['height', String(layout.chart.height)],
					['viewBox', view_box],
					['preserveAspectRatio', 'xMidYMid meet']
				],
				children: chart.children.filter((child) => typeof child === 'string' || (child.name !== 'title' && child.name !== 'desc'))
			},
			...(layout.caption.lines.length > 0 ? [text(layout.caption.lines, layout.caption, [['fill', '#444444']])] : [])
		]
	};
	const canonical = canonicalSvgTree(root, 'figure-');
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		serializeSvg({ ...canonical, attributes: [['xmlns', 'http://www.w3.org/2000/svg'], ...canonical.attributes] }) +
		'\n'
	);
}
