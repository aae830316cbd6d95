import { globalTracer } from 'opentracing';
import { argv } from 'tour/process';

const tracer = globalTracer();
const helloTo = argv[0];

const span = tracer.startSpan('say-hello');
console.log(`Hello, ${helloTo}!`);
span.finish();
