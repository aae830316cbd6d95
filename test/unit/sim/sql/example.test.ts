// The playground's MySQL example, run as the browser runs it: one trace from frontend through
// customer, with a client span per query carrying OpenTracing's db.* tags and no customer data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkRecordEx } from '../../../../src/lib/sim';
import { sqlExample } from '../../../../src/routes/playground/examples/sql';
import { runWorld, setUpWorld, tearDownWorld } from '../../lessons/world';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

const services = { 'frontend.ts': 'frontend', 'customer.ts': 'customer' };
const tag = (s: { tags: { key: string; value: unknown }[] }, key: string) => s.tags.find((t) => t.key === key)?.value;

describe('playground example: MySQL', () => {
	it('one trace across frontend and customer; each query a client span with db tags, placeholders not values', async () => {
		const r = await runWorld(sqlExample.files, services, sqlExample.args);
		expect(r.errors).toEqual([]);
		expect(r.console.filter((l) => !l.text.startsWith('Reporting span'))).toEqual([{ service: 'frontend', stream: 'out', text: "Rachel's Floral Designs at 115,277" }]);
		expect(r.traces).toHaveLength(1);
		const spans = r.traces[0].spans;
		const names = new Set(spans.map((s) => r.traces[0].processes[s.processID].serviceName));
		expect([...names].sort()).toEqual(['customer', 'frontend']);
		const sql = spans.filter((s) => tag(s, 'db.type') === 'sql');
		expect(sql.map((s) => s.operationName)).toEqual(['SQL SELECT', 'SQL UPDATE']);
		const server = spans.find((s) => s.operationName === 'HTTP GET /customer' && tag(s, 'span.kind') === 'server')!;
		for (const s of sql) {
			expect(s.references[0].spanID).toBe(server.spanID);
			expect(tag(s, 'span.kind')).toBe('client');
			expect(tag(s, 'db.instance')).toBe('customers');
			expect(tag(s, 'peer.address')).toBe('mysql:3306');
			expect(String(tag(s, 'db.statement'))).toContain('customer_id = ?');
			// the bound value (customer 123) is in no tag or log; ids and times are random, so only these are read
			expect(JSON.stringify([s.tags, s.logs])).not.toContain('123');
		}
		const queries = (r.network as NetworkRecordEx[]).filter((n) => n.protocol === 'sql');
		expect(queries.map((q) => q.note)).toEqual(['1 row', '1 row matched · 1 changed']);
	});
});
