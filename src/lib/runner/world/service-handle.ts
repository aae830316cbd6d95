import * as Comlink from 'comlink';
import type { ServiceApi } from '../service/protocol';

/** Thrown by calls to a worker that was stopped: its comlink replies will never come. */
export class WorkerStopped extends Error {
	constructor(readonly service: string) {
		super(`service '${service}' was stopped`);
	}
}

/**
 * What the world needs of one running service: a worker in the browser (ServiceHandle), the
 * service in-process in the Node lesson tests.
 */
export interface ServiceLink {
	/** set by the world when it gives the link a service */
	service: string;
	readonly stopped: boolean;
	call<T>(fn: (api: Comlink.Remote<ServiceApi>) => Promise<T>): Promise<T>;
	/** does the service answer within `ms`? one stuck in a loop does not */
	responsive(ms: number): Promise<boolean>;
	stop(): void;
}

/**
 * One service worker as the world holds it. Every call races the worker's stop, because a comlink
 * call to a terminated (or spinning) worker never answers.
 */
export class ServiceHandle implements ServiceLink {
	readonly api: Comlink.Remote<ServiceApi>;
	/** resolves when the worker's module has loaded */
	readonly ready: Promise<unknown>;
	service = '';
	stopped = false;
	#stop!: (e: Error) => void;
	readonly #stoppedPromise: Promise<never>;

	constructor(private readonly worker: Worker) {
		this.api = Comlink.wrap<ServiceApi>(worker);
		this.#stoppedPromise = new Promise<never>((_, reject) => (this.#stop = reject));
		this.#stoppedPromise.catch(() => {});
		this.ready = this.api.ping();
		this.ready.catch(() => {});
	}

	static spawn(): ServiceHandle {
		return new ServiceHandle(new Worker(new URL('../service/service.worker.ts', import.meta.url), { type: 'module', name: 'service' }));
	}

	call<T>(fn: (api: Comlink.Remote<ServiceApi>) => Promise<T>): Promise<T> {
		if (this.stopped) return Promise.reject(new WorkerStopped(this.service));
		return Promise.race([fn(this.api), this.#stoppedPromise]);
	}

	/** Does the worker answer within `ms`? A worker stuck in a loop does not. */
	async responsive(ms: number): Promise<boolean> {
		if (this.stopped) return false;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<false>((r) => (timer = setTimeout(() => r(false), ms)));
		try {
			return await Promise.race([this.api.status().then(() => true), timeout]);
		} catch {
			return false;
		} finally {
			clearTimeout(timer);
		}
	}

	stop(): void {
		if (this.stopped) return;
		this.stopped = true;
		this.worker.terminate();
		this.#stop(new WorkerStopped(this.service));
		this.api[Comlink.releaseProxy]();
	}
}
