// The trace model's public face: other parts import from here, never from the files behind it.
export type * from './types';
export { recordsToTraces } from './records';
export { buildTree, childrenOf, indexSpanIDs, type SpanTree } from './analysis/tree';
export { traceSummary, serviceOf, isErrorSpan, type TraceSummary } from './analysis/summary';
