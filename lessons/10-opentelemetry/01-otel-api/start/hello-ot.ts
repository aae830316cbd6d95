import { Tags } from 'opentracing';
import { initTracer } from 'tour/tracing';

// The OpenTracing version, finished: read it next to hello.ts
const tracer = initTracer('hello-ot');

export async function main(): Promise<void> {
  for (const helloTo of process.argv.slice(2)) {
    const url = `http://formatter:8081/format?helloTo=${encodeURIComponent(helloTo)}`;
    const span = tracer.startSpan('format-string', {
      tags: {
        [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT,
        [Tags.HTTP_METHOD]: 'GET',
        [Tags.HTTP_URL]: url,
        'hello.to': helloTo,
      },
    });
    const res = await fetch(url);
    const body = await res.text();
    span.setTag(Tags.HTTP_STATUS_CODE, res.status);
    if (res.ok) {
      span.log({ event: 'string-format', value: body });
      console.log(body);
    } else {
      span.setTag(Tags.ERROR, true);
      span.log({ event: 'error', message: body });
    }
    span.finish();
  }
}
