import { globalTracer } from 'opentracing';

// TODO: use a real tracer instead: initTracer('hello-world') from 'tour/tracing'
const tracer = globalTracer();
const helloTo = process.argv[2];

const span = tracer.startSpan('say-hello');
console.log(`Hello, ${helloTo}!`);
span.finish();
