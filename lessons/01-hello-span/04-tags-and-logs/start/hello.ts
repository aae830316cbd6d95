import { initTracer } from 'tour/tracing';

const tracer = initTracer('hello-world');
const helloTo = process.argv[2];

const span = tracer.startSpan('say-hello');
// TODO: tag the span with hello-to, and log string-format (with the greeting) and println
console.log(`Hello, ${helloTo}!`);
span.finish();
