/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline for workshops: after one visit the whole course works with the network off.
// Install precaches every built file, every prerendered page and its __data.json, and what the
// worker bundles fetch themselves (esbuild.wasm); fetches are answered cache-first, anything not
// precached goes to the network. A new version installs beside the old one and WAITS: the page
// announces it (src/lib/course/offline.ts) and sends 'skip-waiting' when the learner presses
// Reload. The page registers this file a few seconds after a first visit's load (registerWhenSettled).
import { build, files, prerendered, version } from '$service-worker';
import { cacheName, CACHE_PREFIX, eachLimited, isImmutable, precachePlan, storable, workerAssets, type ToWorker } from '$lib/course/offline';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheName(version);
/** parallel downloads during install: enough to be quick, few enough to leave the learner bandwidth */
const LANES = 4;

async function precache(): Promise<void> {
	const cache = await caches.open(CACHE);
	const have = new Set((await cache.keys()).map((r) => new URL(r.url).pathname)); // a retried install resumes
	const older = (await caches.keys()).filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE);

	const put = async (path: string) => {
		if (have.has(path)) return;
		// a content-hashed file from the previous version is the same file: copy it, don't download it
		if (isImmutable(path)) {
			for (const name of older) {
				const old = await (await caches.open(name)).match(path);
				if (old) {
					await cache.put(path, old);
					have.add(path);
					return;
				}
			}
		}
		// pages and data change with every build: revalidate rather than trust the HTTP cache
		const res = await fetch(path, { cache: isImmutable(path) ? 'default' : 'no-cache' });
		if (!res.ok) throw new Error(`precache: ${path} answered ${res.status}`);
		await cache.put(path, storable(path, res));
		have.add(path);
	};

	const plan = precachePlan({ build, files, prerendered });
	await eachLimited(plan.essentials, LANES, put);
	await eachLimited(plan.heavy, LANES, put);
	// esbuild.wasm and friends: referenced from inside worker bundles, so in none of the lists
	const extra = new Set<string>();
	for (const bundle of plan.heavy) {
		const res = await cache.match(bundle);
		if (res) for (const asset of workerAssets(new URL(bundle, location.href).href, await res.text())) extra.add(asset);
	}
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

async function respond(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	// a static host ignores the query (`?text=1`, `__data.json?x-sveltekit-invalidated=…`): so do we
	const hit = await cache.match(request, { ignoreSearch: true });
	if (hit) return hit;
	return fetch(request);
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET' || request.headers.has('range')) return;
	const url = new URL(request.url);
	if (url.origin !== location.origin) return;
	// the dev server's modules change under it: never answer them from a cache
	if (import.meta.env.DEV) return;
	event.respondWith(respond(request));
});
