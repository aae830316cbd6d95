import { describe, expect, it } from 'vitest';
import { pipelineFromFiles } from '../../../src/lib/runner/world/backend-link';
import { DEFAULT_PIPELINE } from '../../../src/lib/backend/index';

describe("the run's jaeger.yml", () => {
	it('no file: Jaeger’s defaults; a good file: its settings, as plain data', () => {
		expect(pipelineFromFiles({ 'hello.ts': '' })).toEqual({ config: DEFAULT_PIPELINE });
		const r = pipelineFromFiles({ 'hello.ts': '', 'jaeger.yml': 'agent:\n  queueSize: 3\n' });
		expect('config' in r && r.config.agent.queueSize).toBe(3);
		expect('config' in r && structuredClone(r.config)).toEqual('config' in r && r.config);
	});

	it('a bad file names the file and line, for ctx.fail', () => {
		expect(pipelineFromFiles({ 'ops/jaeger.yml': '\ncollector:\n  queueSize: big\n' })).toEqual({
			file: 'ops/jaeger.yml',
			line: 3,
			message: 'jaeger.yml line 3: collector.queueSize must be a whole number, not "big"'
		});
	});
});
