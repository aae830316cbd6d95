// The logger interface jaeger-client uses (info/error), and the two loggers the tracer ships with.
export interface Logger {
	info(msg: string): void;
	error(msg: string): void;
}

/** Default: the console, which in the playground is the service's Console pane. */
export const consoleLogger: Logger = {
	info: (msg) => console.log(msg),
	error: (msg) => console.error(msg)
};

export const nullLogger: Logger = { info() {}, error() {} };
