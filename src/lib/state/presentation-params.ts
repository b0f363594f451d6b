/** Presentation mode as the page address holds it: `present=1`, the slide number (1-based) and the dataset to present. */
export interface PresentationParams {
	presenting: boolean;
	/** 1-based, as the address shows it; 1 when absent or not a whole number ≥ 1. */
	slide: number;
	/** The dataset's key (file names and sizes, as DatasetDescription.key) when the link was made from a person's own files; null presents the sample. */
	dataset_key: string | null;
}

const PRESENTATION_NAMES = ['present', 'slide', 'dataset'];

/** Reads presentation mode from the page address. */
export function readPresentationParams(params: URLSearchParams): PresentationParams {
	const slide = Number(params.get('slide'));
	return {
		presenting: params.get('present') === '1',
		slide: Number.isInteger(slide) && slide >= 1 ? slide : 1,
		dataset_key: params.get('dataset') || null
	};
}

/** `params` turned into presentation mode at slide `slide`, naming `dataset_key` (null: the sample); every other parameter (the filter) kept in order. */
export function withPresentationParams(params: URLSearchParams, { slide, dataset_key }: { slide: number | null; dataset_key: string | null }): URLSearchParams {
	const next = withoutPresentationParams(params);
	next.set('present', '1');
	if (slide !== null && slide > 1) next.set('slide', String(slide));
	if (dataset_key !== null) next.set('dataset', dataset_key);
	return next;
}

/** `params` back to the dashboard: presentation, slide and dataset removed, the rest kept in order. */
export function withoutPresentationParams(params: URLSearchParams): URLSearchParams {
	const next = new URLSearchParams(params);
	for (const name of PRESENTATION_NAMES) next.delete(name);
	return next;
}
