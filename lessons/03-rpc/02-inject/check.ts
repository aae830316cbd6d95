import { defineCheck, spanReported, hasTag, type RunOutput, requestCarriesSpan, requestsTo, sentContext, tagMatches } from '$lib/checks';

function injected(run: RunOutput, host: string, fn: string) {
	const sent = requestsTo(run, host).some((r) => sentContext(r) !== null);
	return requestCarriesSpan(
		run,
		host,
		{ service: 'hello-world', operation: fn },
		sent
			? `The request to ${host} carries some other span's context: inject the context of ${fn}'s own span — it made the call — with tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers).`
			: `The request to ${host} went out without an uber-trace-id header. inject() only fills the object you give it: pass that same headers object to fetch(url, { headers }).`
	);
}

export default defineCheck((run) => {
	const format = { service: 'hello-world', operation: 'formatString' };
	const print = { service: 'hello-world', operation: 'printHello' };
	return [
		spanReported(run, format, 'Keep the formatString span, and finish it after the call.'),
		spanReported(run, print, 'Keep the printHello span, and finish it after the call.'),
		injected(run, 'formatter', 'formatString'),
		injected(run, 'publisher', 'printHello'),
		hasTag(run, format, 'span.kind', 'client', "Tag formatString's span as the client side: span.setTag(Tags.SPAN_KIND, Tags.SPAN_KIND_RPC_CLIENT)."),
		hasTag(run, print, 'span.kind', 'client', "Tag printHello's span as the client side too: span.kind=client."),
		hasTag(run, format, 'http.method', 'GET', "Tag the method on formatString's span: span.setTag(Tags.HTTP_METHOD, 'GET')."),
		tagMatches(run, format, 'http.url', /^http:\/\/formatter:8081\/format\?helloTo=/, "Tag the URL formatString called: span.setTag(Tags.HTTP_URL, url)."),
		tagMatches(run, print, 'http.url', /^http:\/\/publisher:8082\/publish\?helloStr=/, "Tag the URL printHello called: span.setTag(Tags.HTTP_URL, url).")
	];
});
