export type * from './types';
export { defineCheck } from './define';
export { printed } from './console';
