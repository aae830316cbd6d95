// The trace model's public face: other parts import from here, never from the files behind it.
export type * from './types';
export { recordsToTraces } from './records';
