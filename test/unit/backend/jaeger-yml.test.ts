import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, parsePipelineConfig } from '../../../src/lib/backend/index';

const refused = (src: string) => {
	const r = parsePipelineConfig(src);
	if (r.ok) throw new Error('accepted: ' + src);
	return r;
};

describe('jaeger.yml', () => {
	it('an empty file is Jaeger’s defaults; keys set what they name', () => {
		expect(parsePipelineConfig('')).toEqual({ ok: true, config: DEFAULT_PIPELINE });
		const r = parsePipelineConfig('# tiny agent\nagent:\n  queueSize: 3\n  fault: slow\nstorage:\n  type: elasticsearch\n  indexPrefix: prod\nkafka:\n  enabled: true\n');
		expect(r.ok && r.config.agent).toEqual({ ...DEFAULT_PIPELINE.agent, queueSize: 3, fault: 'slow' });
		expect(r.ok && r.config.storage).toEqual({ type: 'elasticsearch', indexPrefix: 'prod', fault: 'none' });
		expect(r.ok && r.config.kafka.enabled).toBe(true);
	});

	it('refuses a bad file with its line and the reason', () => {
		expect(refused('agent:\n  queueSize: lots\n')).toMatchObject({ line: 2, message: 'jaeger.yml line 2: agent.queueSize must be a whole number, not "lots"' });
		expect(refused('agent:\n  queueSize: 3\n  queuesize: 4\n').message).toMatch(/line 3: unknown key queuesize in agent: it takes queueSize/);
		expect(refused('collector:\n  queueSize: -1\n')).toMatchObject({ line: 2 });
		expect(refused('collector:\n  fault: broken\n').message).toBe('jaeger.yml line 2: collector.fault must be one of none, down, slow, full, not "broken"');
		expect(refused('\n\nstorge:\n  type: memory\n').message).toMatch(/^jaeger\.yml line 3: unknown section storge/);
		expect(refused('storage:\n  type: cassandra\n').message).toMatch(/line 2: storage.type must be one of memory, elasticsearch/);
		expect(refused('storage:\n  indexPrefix: Prod\n').message).toMatch(/line 2: storage.indexPrefix must be lower-case/);
		expect(refused('agent: [1, 2]\n').message).toMatch(/line 1: agent must hold key: value lines/);
		expect(refused('agent:\n  queueSize: 3\nagent:\n  workers: 1\n')).toMatchObject({ line: 3 });
		expect(refused('agent:\n  queueSize: [3\n').ok).toBe(false);
		expect(refused('x'.repeat(20_000)).message).toMatch(/line 1: the file is 20000 characters long/);
		expect(refused('kafka:\n  enabled: yes please\n').message).toMatch(/kafka.enabled must be true or false/);
	});
});
