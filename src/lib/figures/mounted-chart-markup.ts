import { flushSync, mount, unmount, type Component } from 'svelte';

/**
 * The markup of a chart mounted for a moment in a detached element, untouched by hover or focus: the
 * browser's counterpart of `render(component, { props }).body` from `svelte/server`, for chartFigure.
 * Browser only.
 */
export function mountedChartMarkup(component: Component<any>, props: object): string {
	const host = document.createElement('div');
	const instance = mount(component, { target: host, props });
	try {
		flushSync();
		return host.innerHTML;
	} finally {
		unmount(instance);
	}
}
