// Learner programs mixing OpenTelemetry and OpenTracing, shared by the Node world test, the typings
// test and the browser test.

export const SERVICES = { 'hello.ts': 'hello', 'formatter.ts': 'formatter' };

export const otelClient = `import { trace, context, propagation, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { sleep } from 'tour/time';
const tracer = trace.getTracer('hello-app', '1.0.0');
export async function main(): Promise<void> {
  await tracer.startActiveSpan('say-hello', { kind: SpanKind.CLIENT, attributes: { 'hello.to': process.argv[2] } }, async (span) => {
    await sleep(2); // the active context survives a timer and await
    const headers: Record<string, string> = {};
    propagation.inject(context.active(), headers);
    console.log('sent', Object.keys(headers).sort().join(','));
    const res = await fetch('http://formatter:8081/format?helloTo=' + process.argv[2], { headers });
    span.addEvent('formatted', { text: await res.text() });
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'just testing' });
    span.end();
  });
}
`;

export const otServer = `import { serve } from 'tour/http';
import { FORMAT_HTTP_HEADERS, Tags } from 'opentracing';
import { initTracer } from 'tour/tracing';
const tracer = initTracer({ serviceName: 'formatter', sampler: { type: 'const', param: 1 }, propagation: 'w3c' });
serve(8081, (req) => {
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('format', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER } });
  span.finish();
  return 'Hello, ' + req.query.helloTo + '!';
});
`;

export const otClient = `import { FORMAT_HTTP_HEADERS } from 'opentracing';
import { initTracer } from 'tour/tracing';
const tracer = initTracer({ serviceName: 'hello', sampler: { type: 'const', param: 1 }, propagation: 'w3c' });
export async function main(): Promise<void> {
  const span = tracer.startSpan('say-hello');
  span.setBaggageItem('user', 'Bryan');
  const headers: Record<string, string> = {};
  tracer.inject(span, FORMAT_HTTP_HEADERS, headers);
  console.log(await (await fetch('http://formatter:8081/format?helloTo=Bryan', { headers })).text());
  span.finish();
}
`;

// the real shim over the SDK the service is given: OpenTracing calls, OTel spans
export const shimServer = `import { serve } from 'tour/http';
import { FORMAT_HTTP_HEADERS, initGlobalTracer, globalTracer } from 'opentracing';
import { trace, propagation, context } from '@opentelemetry/api';
import { TracerShim } from '@opentelemetry/shim-opentracing';
initGlobalTracer(new TracerShim(trace.getTracer('opentracing-shim')));
serve(8081, (req) => {
  const tracer = globalTracer();
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, req.headers) ?? undefined;
  const span = tracer.startSpan('format', { childOf: parent });
  span.setTag('error', true);
  span.log({ event: 'string-format', value: 'Hello' });
  const user = span.getBaggageItem('user');
  span.finish();
  return 'Hello, ' + req.query.helloTo + ' (' + user + ')';
});
`;

