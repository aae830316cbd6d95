/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline for workshops: after one visit the whole course works with the network off.
// Install precaches every built file (esbuild.wasm last), every prerendered page and its __data.json,
// and any wasm a worker bundle fetches by itself; fetches are answered cache-first, anything not
// precached goes to the network. A new version installs beside the old one and WAITS: the page
// announces it (src/lib/course/offline.ts) and sends 'skip-waiting' when the learner presses
// Reload. The page registers this file a few seconds after a first visit's load (registerWhenSettled).
//
// Nothing in Cache Storage is trusted: any script on the origin can write it. Every file is checked
// against the build's SHA-256 list before it is stored and before it is served (VerifiedCache);
// the build bakes that list into this file's own bytes, in place of DIGESTS_PLACEHOLDER
// (src/lib/course/digests-adapter.js).
import { build, files, prerendered, version } from '$service-worker';
import { cacheName, CACHE_PREFIX, eachLimited, precachePlan, workerAssets, DIGESTS_PLACEHOLDER, readDigests, VerifiedCache, type ToWorker } from '$lib/course/sw';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheName(version);
/** parallel downloads during install: enough to be quick, few enough to leave the learner bandwidth */
const LANES = 4;
const digests = readDigests(DIGESTS_PLACEHOLDER, location.origin);
const store = new VerifiedCache(CACHE, digests, { caches, fetch: (input, init) => fetch(input, init), origin: location.origin });

async function precache(): Promise<void> {
	// unbaked (the dev server's worker): nothing could be checked, so nothing is stored
	if (!digests) return console.warn('service worker: no digest list baked in; not precaching');
	const older = (await caches.keys()).filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE);
	const put = async (path: string) => void (await store.precache(path, older));

	const plan = precachePlan({ build, files, prerendered });
	await eachLimited(plan.essentials, LANES, put);
	// wasm a worker bundle references itself is in none of the lists: found in the bundle's
	// checked bytes, not in whatever the cache holds by now; it goes last with the page's own wasm
	const extra = new Set<string>(plan.binaries);
	await eachLimited(plan.heavy, LANES, async (bundle) => {
		const source = await (await store.precache(bundle, older)).text();
		for (const asset of workerAssets(new URL(bundle, location.href).href, source)) extra.add(asset);
	});
	await eachLimited([...extra], LANES, put);
}

sw.addEventListener('install', (event) => {
	// no skipWaiting(): a new version waits until the learner chooses to reload
	event.waitUntil(precache());
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
			// the first visit's page becomes controlled at once, so it works offline without a reload
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	const msg = event.data as ToWorker | undefined;
	if (msg?.type === 'skip-waiting') event.waitUntil(sw.skipWaiting());
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET' || request.headers.has('range')) return;
	const url = new URL(request.url);
	if (url.origin !== location.origin) return;
	// the dev server's modules change under it: never answer them from a cache
	if (import.meta.env.DEV) return;
	event.respondWith(store.respond(request));
});
