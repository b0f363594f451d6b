import type { Component } from 'svelte';
import { render } from 'svelte/server';

/** A chart rendered to markup with `svelte/server`, in Node (the CLI, tests): chartFigure's `markupOf` there. */
export function serverChartMarkup<Props extends Record<string, unknown>>(component: Component<Props>, props: Props): string {
	return render(component, { props }).body;
}
