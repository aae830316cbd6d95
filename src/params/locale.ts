import type { ParamMatcher } from '@sveltejs/kit';

// English lives at the root; other locales get a prefix: /zh-CN/tutorial/…
export const match: ParamMatcher = (param) => param === 'zh-CN';
