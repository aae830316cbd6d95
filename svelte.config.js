import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { withServiceWorkerDigests } from './src/lib/course/digests-adapter.js';

const out = 'build';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered: deep links show the lesson text before any script runs.
		// …and the service worker carries the SHA-256 of every file it may cache (digests-adapter.js)
		adapter: withServiceWorkerDigests(adapter({ pages: out, assets: out, strict: true }), { out }),
		// CSS under 16 KB goes into each page's <style>: on a slow shared link the lesson text shows as
		// soon as the HTML arrives, instead of after eight stylesheet round trips competing with scripts
		inlineStyleThreshold: 16384,
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', entries: ['*'] },
		alias: { $lessons: 'lessons' },
		// lesson checks are code: type-check them with the app (start/solution files import the
		// learner's virtual modules and are checked by test/unit/lessons against the editor typings)
		// (and scripts/, npm start's entry)
		typescript: { config: (config) => void config.include.push('../lessons/**/check.ts', '../lessons/*/shape.ts', '../scripts/*.ts') },
		// registered by $lib/course/offline (registerWhenSettled): later than `load` on a first visit
		serviceWorker: { register: false }
	}
};
