// Keeps finished spans in memory (tests, lessons that inspect spans in-process).
import type { SpanRecord } from '$lib/model';
import type { JaegerSpan } from '../span';
import type { Reporter } from './reporter';

export class InMemoryReporter implements Reporter {
	readonly spans: JaegerSpan[] = [];

	report(span: JaegerSpan): void {
		this.spans.push(span);
	}

	/** The reported spans as plain records (converted on demand, not on the hot path). */
	records(): SpanRecord[] {
		return this.spans.map((s) => s.toRecord());
	}

	clear(): void {
		this.spans.length = 0;
	}

	close(callback?: () => void): void {
		callback?.();
	}
}
