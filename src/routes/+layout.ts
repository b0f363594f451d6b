// duckdb-wasm runs only in the browser: prerendering would import its Node build and crash.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'always';
