// The finished shape of chapter 3, also judged in chapter 4: one trace, five spans, three services.
// Imported by the checks of the steps that end there.
import { childOf, hasTag, isRoot, printed, spanReported, totalSpans, traceCount, type CheckItem, type RunOutput, servicesInTrace } from '$lib/checks';

export const ROOT = { service: 'hello-world', operation: 'say-hello' };
export const FORMAT_CLIENT = { service: 'hello-world', operation: 'formatString' };
export const PRINT_CLIENT = { service: 'hello-world', operation: 'printHello' };
export const FORMAT_SERVER = { service: 'formatter', operation: 'format' };
export const PUBLISH_SERVER = { service: 'publisher', operation: 'publish' };

export function oneTraceAcrossServices(run: RunOutput, greeting: string, printHint = `The publisher should print "${greeting}".`): CheckItem[] {
	const extractHint = (who: string, op: string, caller: string) =>
		`${who}'s "${op}" span is not a child of ${caller}: did the server extract the context from the request headers — tracer.extract(FORMAT_HTTP_HEADERS, req.headers) — and pass it as childOf? If it did, check that the client sent the header (Network panel).`;
	return [
		printed(run, 'publisher', greeting, printHint),
		spanReported(run, FORMAT_SERVER, 'The formatter reports a "format" span for each request: start it, finish it.'),
		spanReported(run, PUBLISH_SERVER, 'The publisher reports a "publish" span for each request: start it, finish it.'),
		isRoot(run, ROOT, 'say-hello is where the request starts: it has no parent.'),
		childOf(run, FORMAT_SERVER, FORMAT_CLIENT, extractHint('formatter', 'format', "the client's formatString span")),
		childOf(run, PUBLISH_SERVER, PRINT_CLIENT, extractHint('publisher', 'publish', "the client's printHello span")),
		hasTag(run, FORMAT_SERVER, 'span.kind', 'server', "Mark the formatter's span as the server side: tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER }."),
		hasTag(run, PUBLISH_SERVER, 'span.kind', 'server', "Mark the publisher's span as the server side: span.kind=server."),
		traceCount(run, 1, 'One request through three services should make one trace.'),
		totalSpans(run, 5, 'Expected five spans: say-hello, formatString, format, printHello, publish.'),
		servicesInTrace(run, ROOT, 3, 'The trace should hold spans from hello-world, formatter and publisher.')
	];
}
