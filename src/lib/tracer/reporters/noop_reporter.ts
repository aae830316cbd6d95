// Reports nothing: what a closed tracer reports to.
import type { Reporter } from './reporter';

export class NoopReporter implements Reporter {
	report(): void {}
	close(callback?: () => void): void {
		callback?.();
	}
}
