import { describe, it, expect } from 'vitest';
import type { SpanRecord } from '../../../src/lib/model/types';

describe('model types', () => {
	it('a span record survives structured cloning unchanged', () => {
		const rec: SpanRecord = {
			traceID: 'abc', spanID: 'def', flags: 1, operationName: 'say-hello', references: [],
			startTime: 1, duration: 2, tags: [{ key: 'hello-to', type: 'string', value: 'Bryan' }], logs: [],
			process: { serviceName: 'hello-world', tags: [] }
		};
		expect(structuredClone(rec)).toEqual(rec);
	});
});
