// What the service worker (src/service-worker.ts) takes from the course: the precache plan and
// the build's digests, checked before anything is stored or served. Nothing here touches a page.
export { cacheName, CACHE_PREFIX, eachLimited, precachePlan, workerAssets, type ToWorker } from './offline';
export { DIGESTS_PLACEHOLDER, readDigests } from './digests.js';
export { VerifiedCache } from './verified-cache';
