import type { Component } from 'svelte';
import { render } from 'svelte/server';

/** A chart rendered to markup with `svelte/server`, in Node (the CLI, tests): chartFigure's `markupOf` there. */
export function serverChartMarkup(component: Component<any>, props: object): string {
	return render(component, { props }).body;
}
