/**
 * What `process.exit()` throws after the service has told the world it ended: nothing after the
 * call runs (a throw unwinds the learner's stack). The service's own error hooks know it and stay
 * silent. A learner's `catch` can swallow it, but the program has ended all the same: the service
 * sends nothing more and its realm stops (service-api.ts).
 */
export class ProcessExit extends Error {
	constructor(readonly status: number) {
		super(`process.exit(${status})`);
		this.name = 'ProcessExit';
	}
}
