import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportAbout } from './export-about';
import { figuresReadme } from './figures-readme';
import { numberedFigureStem } from './numbered-figure-stem';
import type { RenderedFigure } from './rendered-figure';
import { tidyCsv } from './tidy-csv';

// fflate writes local date parts into the DOS time, so a date built from local parts is the same bytes in every zone.
const ZIP_TIME = new Date(1980, 0, 1);

/**
 * "Export all figures": one zip with README.md, settings.json and per figure `NN-name.svg`, `NN-name@2x.png` (when
 * drawn) and `NN-name.csv`, in dashboard order. Fixed timestamps: the same figures give the same bytes.
 */
export function figuresZip(figures: readonly RenderedFigure[], about: ExportAbout): Uint8Array {
	const with_png = figures.length > 0 && figures.every((figure) => figure.png !== undefined);
	const files: Zippable = {
		'README.md': strToU8(figuresReadme(figures, about, with_png)),
		'settings.json': strToU8(JSON.stringify(about.settings, null, 2) + '\n')
	};
	for (const [index, figure] of figures.entries()) {
		const stem = numberedFigureStem(index, figure.name);
		files[`${stem}.svg`] = strToU8(figure.svg);
		// PNG is compressed already: deflating it again costs time and saves nothing.
		if (figure.png) files[`${stem}@2x.png`] = [figure.png, { level: 0 }];
		files[`${stem}.csv`] = strToU8(tidyCsv(figure.rows));
	}
	return zipSync(files, { level: 6, mtime: ZIP_TIME });
}
