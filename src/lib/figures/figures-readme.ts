import { m } from '../i18n/messages';
import type { ExportAbout } from './export-about';
import { numberedFigureStem } from './numbered-figure-stem';

/** The README.md of a figures zip: the dataset, its months, the filter and the settings, then each figure's files, title and caption. */
export function figuresReadme(figures: readonly { name: string; title: string; caption: string }[], about: ExportAbout, with_png: boolean): string {
	const range = about.month_range ? (about.month_range[0] === about.month_range[1] ? about.month_range[0] : `${about.month_range[0]} – ${about.month_range[1]}`) : m.readme_no_month();
	const kinds = with_png ? m.readme_kinds_with_png() : m.readme_kinds();
	const lines = [
		`# ${m.readme_title({ dataset: oneLine(about.dataset_label) })}`,
		'',
		`- ${m.readme_dataset({ dataset: oneLine(about.dataset_label) })}`,
		`- ${m.readme_months({ range })}`,
		`- ${m.readme_filter({ filter: about.filter === '' ? m.readme_filter_none() : about.filter })}`,
		`- ${m.readme_time_zone({ zone: about.settings.time_zone })}`,
		'',
		m.readme_made_with({ kinds }),
		'',
		`## ${m.readme_figures()}`,
		''
	];
	for (const [index, figure] of figures.entries()) {
		lines.push(`${index + 1}. **${oneLine(figure.title)}** (\`${numberedFigureStem(index, figure.name)}\`)`, `   ${oneLine(figure.caption)}`, '');
	}
	lines.push(`## ${m.readme_settings()}`, '', '```json', JSON.stringify(about.settings, null, 2), '```', '');
	return lines.join('\n');
}

// A name or title with a line break would start a new Markdown block of its own.
function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}
