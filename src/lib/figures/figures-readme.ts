import type { ExportAbout } from './export-about';
import { numberedFigureStem } from './numbered-figure-stem';

/** The README.md of a figures zip: the dataset, its months, the filter and the settings, then each figure's files, title and caption. */
export function figuresReadme(figures: readonly { name: string; title: string; caption: string }[], about: ExportAbout, with_png: boolean): string {
	const range = about.month_range ? (about.month_range[0] === about.month_range[1] ? about.month_range[0] : `${about.month_range[0]} – ${about.month_range[1]}`) : 'none';
	const kinds = with_png ? 'an SVG, a PNG at twice the size (@2x) and its data as CSV (UTF-8)' : 'an SVG and its data as CSV (UTF-8)';
	const lines = [
		`# Figures of ${oneLine(about.dataset_label)}`,
		'',
		`- Dataset: ${oneLine(about.dataset_label)}`,
		`- Months: ${range}`,
		`- Filter: ${about.filter === '' ? 'none (every counted message)' : about.filter}`,
		`- Time zone: ${about.settings.time_zone}`,
		'',
		`Made with Resonance. Each figure comes as ${kinds}; settings.json holds the settings below, to open the same analysis again.`,
		'',
		'## Figures',
		''
	];
	for (const [index, figure] of figures.entries()) {
		lines.push(`${index + 1}. **${oneLine(figure.title)}** (\`${numberedFigureStem(index, figure.name)}\`)`, `   ${oneLine(figure.caption)}`, '');
	}
	lines.push('## Settings', '', '```json', JSON.stringify(about.settings, null, 2), '```', '');
	return lines.join('\n');
}

// A name or title with a line break would start a new Markdown block of its own.
function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}
