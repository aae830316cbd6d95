/**
 * The simulated Jaeger in a worker of its own (backend.worker.ts exposes BackendWorkerApi with
 * comlink). The backend starts it, so no other part needs to know where its worker file is.
 */
export function spawnBackendWorker(): Worker {
	return new Worker(new URL('./backend.worker.ts', import.meta.url), { type: 'module', name: 'jaeger' });
}
