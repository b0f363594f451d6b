import type { ExportAbout } from '../figures/export-about';
import { joinSentences } from '../i18n/join-sentences';
import { locale } from '../i18n/locale';
import { m } from '../i18n/messages';
import { escapeHtml } from './escape-html';
import { inlineFigureSvg } from './inline-figure-svg';
import type { ReportTable } from './report-table';

/** Messages printed in the report only when the person asks for them: a titled group (a peak, say) of messages. */
export interface ReportMessages {
	title: string;
	messages: readonly { timestamp: string; author: string; text: string }[];
}

export interface ReportInput {
	about: ExportAbout;
	/** When the report was made, as it should be printed (`2026-12-03 14:05 UTC`). */
	generated_at: string;
	figures: readonly { name: string; title: string; caption: string; svg: string }[];
	tables: readonly ReportTable[];
	/** Null or absent: no message text at all. */
	messages?: readonly ReportMessages[] | null;
}

// The report runs nothing and loads nothing: only its own inline styles and data: images may be used.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1a1a1a; background: white; line-height: 1.45; }
main { max-width: 1000px; margin: 0 auto; padding: 1.5rem; }
h1 { color: #0060a0; font-size: 1.6rem; margin: 0 0 0.3rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #d9d9d9; padding-bottom: 0.2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
.meta { color: #444; margin: 0.2rem 0; }
figure { margin: 1.5rem 0; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption, .caption { font-size: 0.85rem; color: #444; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; margin: 0.3rem 0; }
th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
td { white-space: nowrap; }
th { background: #f4f6f8; }
.numeric { text-align: right; }
pre { background: #f6f6f6; padding: 0.6rem; overflow-x: auto; font-size: 0.8rem; }
.message { margin: 0.3rem 0; font-size: 0.85rem; }
.message .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.muted { color: #555; }
@media print { main { max-width: none; } h2 { break-after: avoid; } }
`;

/**
 * "Share as a report": one HTML file that opens anywhere without the data — the figures as inline SVG, the
 * dashboard's tables, the filter and settings, and message text only when `messages` is given. Every name
 * and text is escaped; a CSP meta tag forbids scripts and any request.
 */
export function reportHtml({ about, generated_at, figures, tables, messages }: ReportInput): string {
	const e = escapeHtml;
	const range = about.month_range ? (about.month_range[0] === about.month_range[1] ? about.month_range[0] : `${about.month_range[0]} – ${about.month_range[1]}`) : m.html_report_no_counted_month();
	const parts: string[] = [
		'<!doctype html>',
		`<html lang="${locale.current}">`,
		'<head>',
		'<meta charset="utf-8">',
		`<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		'<meta name="referrer" content="no-referrer">',
		`<title>${e(m.html_report_title({ dataset: about.dataset_label }))}</title>`,
		`<style>${STYLE}</style>`,
		'</head>',
		'<body>',
		'<main>',
		`<h1>${e(m.html_report_title({ dataset: about.dataset_label }))}</h1>`,
		`<p class="meta">${e(m.html_report_months_times({ range, zone: about.settings.time_zone }))}</p>`,
		`<p class="meta">${e(about.filter === '' ? m.html_report_filter_none() : about.filter)}</p>`,
		`<p class="meta muted">${e(joinSentences([m.html_report_generated({ at: generated_at }), messages ? m.html_report_includes_text() : m.html_report_no_text()]))}</p>`
	];
	if (figures.length > 0) {
		parts.push(`<h2>${e(m.html_report_figures())}</h2>`);
		for (const [index, figure] of figures.entries()) {
			parts.push(
				`<figure id="${e(figure.name)}" aria-labelledby="${e(figure.name)}-title">`,
				`<h3 id="${e(figure.name)}-title">${e(figure.title)}</h3>`,
				inlineFigureSvg(figure.svg, `f${index + 1}-`),
				`<figcaption>${e(figure.caption)}</figcaption>`,
				'</figure>'
			);
		}
	}
	if (tables.length > 0) parts.push(`<h2>${e(m.html_report_tables())}</h2>`);
	for (const table of tables) parts.push(tableHtml(table));
	if (messages) {
		parts.push(`<h2>${e(m.html_report_messages())}</h2>`);
		for (const group of messages) {
			parts.push(`<h3>${e(group.title)}</h3>`);
			if (group.messages.length === 0) parts.push(`<p class="muted">${e(m.html_report_no_counted_message())}</p>`);
			for (const message of group.messages) {
				parts.push(`<p class="message"><span class="muted">${e(message.timestamp)}</span> <strong>${e(message.author)}</strong>: <span class="text">${e(message.text)}</span></p>`);
			}
		}
	}
	parts.push(
		`<h2>${e(m.html_report_settings())}</h2>`,
		`<p class="caption">${e(m.html_report_settings_caption())}</p>`,
		`<pre>${e(JSON.stringify(about.settings, null, 2))}</pre>`,
		'</main>',
		'</body>',
		'</html>',
		''
	);
	return parts.join('\n');
}

function tableHtml(table: ReportTable): string {
	const e = escapeHtml;
	const cell = (tag: 'th' | 'td', text: string, numeric: boolean | undefined) => `<${tag}${numeric ? ' class="numeric"' : ''}${tag === 'th' ? ' scope="col"' : ''}>${e(text)}</${tag}>`;
	const head = `<tr>${table.columns.map((column) => cell('th', column.label, column.numeric)).join('')}</tr>`;
	const body = table.rows.map((row) => `<tr>${row.map((text, index) => cell('td', text, table.columns[index]?.numeric)).join('')}</tr>`).join('\n');
	return [
		`<h3>${e(table.title)}</h3>`,
		table.rows.length === 0 ? `<p class="muted">${e(m.html_report_table_none())}</p>` : `<div class="table-scroll"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`,
		table.caption ? `<p class="caption">${e(table.caption)}</p>` : ''
	]
		.filter(Boolean)
		.join('\n');
}
