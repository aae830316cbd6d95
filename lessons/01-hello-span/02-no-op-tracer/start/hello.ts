import { globalTracer } from 'opentracing';

const tracer = globalTracer();
const helloTo = process.argv[2];

const span = tracer.startSpan('say-hello');
console.log(`Hello, ${helloTo}!`);
span.finish();
