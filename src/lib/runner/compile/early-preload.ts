// The compiler's download (esbuild.wasm, 2.7 MB as brotli: what a first Run waits for longest)
// starts as the HTML is parsed: a <link rel="preload"> first in the head of every page that runs
// code. Started by the compiler worker instead, it began a second or more later (after the app's
// scripts, then the worker's own). as="fetch" + crossorigin match the worker's fetch(), which joins
// the download (the browser's HTTP cache shares an in-flight response) instead of starting another.
//
// Added by the server (src/hooks.server.ts) rather than by a component's <svelte:head>: SvelteKit
// writes those after its twenty-odd modulepreloads, and over HTTP/1.1 (npm start: six connections
// per host, 40 ms each on a room's Wi-Fi) the wasm was asked for only in the fourth round, ~0.8 s
// after the HTML; and a link moved out of Svelte's head markers would break hydration. Pure, so the
// rule is tested in Node.

/** The attribute a page's workbench carries when it will start the compiler. */
export const NEEDS_COMPILER = 'data-compiler';

const marked = new RegExp(`<[a-z][^>]*\\s${NEEDS_COMPILER}(?=[\\s=/>])`, 'i');

/** The page with a preload of `wasmUrl` right after `<meta charset>` (or `<head>`), when an element of its body needs the compiler. */
export function compilerPreload(html: string, wasmUrl: string): string {
	const headEnd = html.indexOf('</head>');
	if (headEnd < 0 || !marked.test(html.slice(headEnd))) return html;
	const head = html.slice(0, headEnd);
	const anchor = /<meta\s+charset=[^>]*>/i.exec(head) ?? /<head\b[^>]*>/i.exec(head);
	if (!anchor) return html;
	const at = anchor.index + anchor[0].length;
	const link = `\n\t\t<link rel="preload" href="${wasmUrl.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}" as="fetch" crossorigin="anonymous">`;
	return html.slice(0, at) + link + html.slice(at);
}
