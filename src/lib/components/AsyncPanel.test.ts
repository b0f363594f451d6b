import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import AsyncPanel from './AsyncPanel.svelte';

const children = createRawSnippet((count: () => number) => ({ render: () => `<p>${count()} links</p>` }));
const empty = createRawSnippet(() => ({ render: () => '<p>Nobody replied.</p>' }));
const panel = (props: { data: number | null; error: string | null; is_empty?: boolean; retry?: { label: string; run: () => void } }) =>
	render(AsyncPanel<number>, { props: { pending: 'Finding links…', testid: 'links', children, empty, ...props } }).body.replace(/<!--[^>]*-->/g, '');

describe('AsyncPanel', () => {
	it('says an error as an alert, before anything else, with a retry button when it has one', () => {
		expect(panel({ data: null, error: 'Out of memory.' })).toBe('<p role="alert" data-testid="links-error">Out of memory. </p>');
		expect(panel({ data: 3, error: 'Out of memory.', retry: { label: 'Try again', run: () => {} } })).toBe(
			'<p role="alert" data-testid="links-error">Out of memory. <button type="button">Try again</button></p>'
		);
	});

	it('says what is pending while the data is missing, then draws the empty state or the content with the data', () => {
		expect(panel({ data: null, error: null })).toBe('<p role="status" data-testid="links-pending">Finding links…</p>');
		expect(panel({ data: 0, error: null, is_empty: true })).toBe('<p>Nobody replied.</p>');
		expect(panel({ data: 0, error: null })).toBe('<p>0 links</p>');
	});
});
