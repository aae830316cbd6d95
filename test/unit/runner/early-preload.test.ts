import { describe, it, expect } from 'vitest';
import { compilerPreload, NEEDS_COMPILER } from '../../../src/lib/runner';

const WASM = '/_app/immutable/assets/esbuild.H.wasm';
const page = (body: string) =>
	`<!doctype html>\n<html lang="en">\n\t<head>\n\t\t<meta charset="utf-8" />\n\t\t<meta name="viewport" content="width=device-width" />\n\t\t<link href="./_app/immutable/entry/start.js" rel="modulepreload">\n\t</head>\n\t<body>${body}</body>\n</html>`;

describe('the compiler preload', () => {
	it('goes first in the head, before the modulepreloads, on a page whose body needs the compiler', () => {
		const html = compilerPreload(page(`<div class="workbench" ${NEEDS_COMPILER}="">x</div>`), WASM);
		const link = `<link rel="preload" href="${WASM}" as="fetch" crossorigin="anonymous">`;
		expect(html.indexOf(link)).toBeGreaterThan(html.indexOf('<meta charset="utf-8" />'));
		expect(html.indexOf(link)).toBeLessThan(html.indexOf('modulepreload'));
		expect(html.split(link)).toHaveLength(2);
	});

	it('leaves a page without a workbench alone (the lesson index, the systems page)', () => {
		const plain = page('<main>reading only</main>');
		expect(compilerPreload(plain, WASM)).toBe(plain);
		// the word in text, or an attribute that only starts with it, is not the marker
		const lookalike = page(`<p>${NEEDS_COMPILER}</p><div ${NEEDS_COMPILER}-x="1"></div>`);
		expect(compilerPreload(lookalike, WASM)).toBe(lookalike);
	});

	it('falls back to <head> without a charset meta, and escapes the URL', () => {
		const html = compilerPreload(`<html><head><title>t</title></head><body><div ${NEEDS_COMPILER}></div></body></html>`, '/a"b.wasm');
		expect(html).toContain('<head>\n\t\t<link rel="preload" href="/a&#34;b.wasm"');
	});

	it('does nothing to a fragment with no head', () => {
		expect(compilerPreload(`<div ${NEEDS_COMPILER}></div>`, WASM)).toBe(`<div ${NEEDS_COMPILER}></div>`);
	});
});
