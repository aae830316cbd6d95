import type { Handle } from '@sveltejs/kit';
import { compilerPreload } from '$lib/runner';
import { ESBUILD_WASM_URL } from '$lib/runner/server';

// <html lang> follows the URL's locale, so screen readers and fonts pick the right language.
// A page that runs code starts the compiler's download from its first line ($lib/runner compilerPreload).
export const handle: Handle = ({ event, resolve }) => {
	const lang = event.params.lang ?? 'en';
	return resolve(event, { transformPageChunk: ({ html }) => compilerPreload(html.replace('%lang%', lang), ESBUILD_WASM_URL) });
};
