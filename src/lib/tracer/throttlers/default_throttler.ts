// The throttler a tracer gets by default: every debug request is allowed (or, with
// `throttleAll`, none is).
import type { Throttler } from './throttler';

export class DefaultThrottler implements Throttler {
	constructor(readonly throttleAll = false) {}

	isAllowed(): boolean {
		return !this.throttleAll;
	}

	close(callback?: () => void): void {
		callback?.();
	}
}
