// jaeger-client ships no types; tests and the bench use it only as an interop/benchmark reference.
declare module 'jaeger-client';
declare module 'jaeger-client/dist/src/samplers/per_operation_sampler.js';
