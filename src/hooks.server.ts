import type { Handle } from '@sveltejs/kit';

// <html lang> follows the URL's locale, so screen readers and fonts pick the right language.
export const handle: Handle = ({ event, resolve }) => {
	const lang = event.params.lang ?? 'en';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
