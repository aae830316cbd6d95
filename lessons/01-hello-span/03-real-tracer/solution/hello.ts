import { initTracer } from 'tour/tracing';

const tracer = initTracer('hello-world');
const helloTo = process.argv[2];

const span = tracer.startSpan('say-hello');
console.log(`Hello, ${helloTo}!`);
span.finish();
