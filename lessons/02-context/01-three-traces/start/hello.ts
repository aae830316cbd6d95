import { initTracer } from 'tour/tracing';

const tracer = initTracer('hello-world');
const helloTo = process.argv[2];

// TODO: move the formatting into formatString(helloTo) and the printing into printHello(helloStr),
// each starting and finishing its own span ('formatString', 'printHello') with the log that goes with it
const span = tracer.startSpan('say-hello');
span.setTag('hello-to', helloTo);

const helloStr = `Hello, ${helloTo}!`;
span.log({ event: 'string-format', value: helloStr });

console.log(helloStr);
span.log({ event: 'println' });

span.finish();
