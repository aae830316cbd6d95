// Prints one line per reported span, the line lesson 1 teaches learners to look for:
//   Reporting span 5b3c7f5e9a1d0c2f:5b3c7f5e9a1d0c2f:0:1 hello-world.say-hello
// ids without leading zeros as in `uber-trace-id`.
import type { Logger } from '../logger';
import { consoleLogger } from '../logger';
import type { JaegerSpan } from '../span';
import type { Reporter } from './reporter';

export class LoggingReporter implements Reporter {
	constructor(private readonly logger: Logger = consoleLogger) {}

	report(span: JaegerSpan): void {
		this.logger.info(`Reporting span ${span.ctx.toString()} ${span.serviceName}.${span.operationName}`);
	}

	close(callback?: () => void): void {
		callback?.();
	}
}
