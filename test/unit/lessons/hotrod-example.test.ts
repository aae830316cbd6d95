// The playground's HotROD example is chapter 11's first step as the learner starts it: the same
// files, read at build time, whose top-level code files are the five services with load the client.
import { describe, expect, it } from 'vitest';
import { hotrodExample } from '../../../src/routes/playground/examples/hotrod';
import { EXAMPLES } from '../../../src/routes/playground/examples';
import { servicesFromFiles } from '$lib/runner';
import { step } from './course';

describe('playground example: HotROD', () => {
	it('holds the first step\'s start files, every one', () => {
		const s = step('find-the-slow-request/the-lock');
		expect(hotrodExample.files).toEqual(s.start);
		expect(Object.keys(hotrodExample.files)).toContain('lib/tracing.ts');
		expect(Object.keys(hotrodExample.files)).toContain('data.sql');
	});

	it('opens as the same five services the step names, from the Examples menu', () => {
		const s = step('find-the-slow-request/the-lock');
		const specs = servicesFromFiles(hotrodExample.files);
		expect(Object.fromEntries(specs.map((x) => [x.file, x.name]))).toEqual(s.services);
		expect(EXAMPLES.find((e) => e.id === 'hotrod')?.files).toBe(hotrodExample.files);
	});
});
