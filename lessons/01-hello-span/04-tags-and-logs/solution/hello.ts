import { initTracer } from 'tour/tracing';

const tracer = initTracer('hello-world');
const helloTo = process.argv[2];

const span = tracer.startSpan('say-hello');
span.setTag('hello-to', helloTo);

const helloStr = `Hello, ${helloTo}!`;
span.log({ event: 'string-format', value: helloStr });

console.log(helloStr);
span.log({ event: 'println' });

span.finish();
