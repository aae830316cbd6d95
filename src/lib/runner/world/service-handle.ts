import type { RemoteServiceApi } from '../service/protocol';

/** Thrown by calls to a service that was stopped: its answers will never come. */
export class WorkerStopped extends Error {
	constructor(readonly service: string) {
		super(`service '${service}' was stopped`);
	}
}

/**
 * What the world needs of one running service: a worker in the sandbox in the browser
 * (`SandboxServiceLink`), the service in-process in the Node lesson tests. Every call races the
 * service's stop, because a stopped (or spinning) worker never answers.
 */
export interface ServiceLink {
	/** set by the world when it gives the link a service */
	service: string;
	readonly stopped: boolean;
	call<T>(fn: (api: RemoteServiceApi) => Promise<T>): Promise<T>;
	/** does the service answer within `ms`? one stuck in a loop does not */
	responsive(ms: number): Promise<boolean>;
	/**
	 * How many requests the service has sent and answers it has been handed so far. A round of
	 * `responsive()` that leaves this unchanged saw the service act on every answer it was given
	 * (the run's quiet check).
	 */
	activity(): number;
	stop(): void;
}
