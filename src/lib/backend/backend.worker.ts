// Web-worker entry: the simulated Jaeger backend behind comlink. All logic lives in the pure files
// (see worker-api.ts); this only picks the browser's IndexedDB when persistence is asked for.
import * as Comlink from 'comlink';
import { createBackend } from './backend';
import { createIndexedDbPersistence } from './persistence';
import { createBackendWorkerApi } from './worker-api';

const api = createBackendWorkerApi(({ persist, ...options }) =>
	createBackend({
		...options,
		persistence: persist && typeof indexedDB !== 'undefined' ? createIndexedDbPersistence(indexedDB) : undefined
	})
);

Comlink.expose(api);
