// Every start and solution file type-checks as the editor would check it, so a learner who presses
// Solve never sees a red squiggle; and the check does find type errors (it is not a no-op).
import { describe, expect, it } from 'vitest';
import { typeErrors } from './typecheck';
import { steps } from './course';

describe('lesson files type-check against the runtime declarations', () => {
	it('every start and solution file', () => {
		const sets: Record<string, Record<string, string>> = {};
		for (const s of steps) {
			sets[`${s.id}/start`] = s.start;
			sets[`${s.id}/solution`] = s.solution;
		}
		expect(typeErrors(sets)).toEqual([]);
	}, 60_000);

	it('reports a misused runtime API', () => {
		const errors = typeErrors({
			bad: { 'hello.ts': "import { initTracer } from 'tour/tracing';\nconst t = initTracer(42);\nt.startSpan('x', { childOf: 'nope', tags: 1 });\n" }
		});
		expect(errors.length).toBeGreaterThan(0);
		expect(errors.join('\n')).toMatch(/bad\/hello\.ts:2/);
	});
});
