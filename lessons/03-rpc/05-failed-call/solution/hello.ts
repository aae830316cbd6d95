import { FORMAT_HTTP_HEADERS, Tags, type Span } from 'opentracing';
import { fetch } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('hello-world');

async function httpGet(span: Span, url: string): Promise<string> {
  span.setTag(Tags.SPAN_KIND, Tags.SPAN_KIND_RPC_CLIENT);
  span.setTag(Tags.HTTP_METHOD, 'GET');
  span.setTag(Tags.HTTP_URL, url);
  const headers: Record<string, string> = {};
  tracer.inject(span.context(), FORMAT_HTTP_HEADERS, headers);
  try {
    const res = await fetch(url, { headers });
    span.setTag(Tags.HTTP_STATUS_CODE, res.status);
    const body = await res.text();
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}: ${body}`);
    return body;
  } catch (err) {
    span.setTag(Tags.ERROR, true);
    span.log({ event: 'error', 'error.object': err, message: err.message });
    throw err;
  }
}

async function formatString(helloTo: string): Promise<string> {
  const span = tracer.startSpan('formatString');
  try {
    const helloStr = await httpGet(span, `http://formatter:8081/format?helloTo=${encodeURIComponent(helloTo)}`);
    span.log({ event: 'string-format', value: helloStr });
    return helloStr;
  } finally {
    span.finish();
  }
}

async function printHello(helloStr: string): Promise<void> {
  const span = tracer.startSpan('printHello');
  try {
    await httpGet(span, `http://publisher:8082/publish?helloStr=${encodeURIComponent(helloStr)}`);
    span.log({ event: 'println' });
  } finally {
    span.finish();
  }
}

export async function main(): Promise<void> {
  const helloTo = process.argv[2];
  const span = tracer.startSpan('say-hello');
  using scope = tracer.activateSpan(span);
  span.setTag('hello-to', helloTo);
  try {
    const helloStr = await formatString(helloTo);
    await printHello(helloStr);
  } catch (err) {
    console.error(`could not greet ${helloTo}: ${err.message}`);
  } finally {
    span.finish();
  }
}
