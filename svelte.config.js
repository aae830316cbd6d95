import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered: deep links show the lesson text before any script runs.
		adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', entries: ['*'] },
		alias: { $lessons: 'lessons' },
		// registered by $lib/course/offline (registerWhenSettled): later than `load` on a first visit
		serviceWorker: { register: false }
	}
};
