// A reporter receives every finished sampled span (jaeger-client's Reporter: report + close).
import type { JaegerSpan } from '../span';

export interface Reporter {
	report(span: JaegerSpan): void;
	/** flushes what is buffered, releases timers, then calls back */
	close(callback?: () => void): void;
}
