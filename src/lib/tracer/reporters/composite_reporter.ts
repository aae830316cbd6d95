// Fans each span out to several reporters (`logSpans` = logging + the real one).
import type { JaegerSpan } from '../span';
import type { Reporter } from './reporter';

export class CompositeReporter implements Reporter {
	constructor(readonly reporters: Reporter[]) {}

	report(span: JaegerSpan): void {
		for (const r of this.reporters) r.report(span);
	}

	/** Calls back once every reporter has closed. */
	close(callback?: () => void): void {
		let pending = this.reporters.length;
		if (pending === 0) return callback?.();
		for (const r of this.reporters) r.close(() => --pending === 0 && callback?.());
	}
}
