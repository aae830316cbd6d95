import { describe, expect, it } from 'vitest';
import { createBackend, DEFAULT_PIPELINE, indexName, indexPattern, utcDay } from '../../../src/lib/backend/index';
import { childOf, span } from './fixtures';
import { manualTimers } from './manual-timers';

const us = (iso: string) => Date.parse(iso) * 1000;

describe('Elasticsearch index names', () => {
	it('uses the UTC date of each span start, across midnight and time zones', () => {
		expect(indexName('', 'span', us('2018-06-14T23:59:59.900Z'))).toBe('jaeger-span-2018-06-14');
		// 00:00:00.1 in UTC+8 is 16:00:00.1Z the day before
		expect(indexName('prod', 'span', us('2018-06-15T00:00:00.100+08:00'))).toBe('prod-jaeger-span-2018-06-14');
		expect(indexName('prod', 'service', us('2018-06-15T00:00:00.100Z'))).toBe('prod-jaeger-service-2018-06-15');
		expect(utcDay(us('2024-02-29T12:00:00Z'))).toBe('2024-02-29');
	});

	it('matches ES multi-target patterns', () => {
		const t = indexPattern('jaeger-span-*,prod-jaeger-service-2018-06-15');
		expect(['jaeger-span-2018-06-14', 'prod-jaeger-service-2018-06-15', 'jaeger-service-2018-06-14'].map(t)).toEqual([true, true, false]);
	});
});

describe('elasticsearch:9200', () => {
	function esBackend(prefix = '') {
		const now = () => Date.parse('2018-06-16T00:00:00Z');
		const b = createBackend({ now, timers: manualTimers().timers, pipeline: { ...structuredClone(DEFAULT_PIPELINE), storage: { type: 'elasticsearch', indexPrefix: prefix, fault: 'none' } } });
		const get = async (path: string, body = '', method = body ? 'POST' : 'GET') => {
			const res = await b.fetch(`http://elasticsearch:9200${path}`, { method, body, headers: { 'content-type': 'application/json' } });
			return { status: res.status, text: res.text ? await res.text() : String(res.body) };
		};
		return { b, get };
	}

	it('a trace that crosses midnight UTC lands in two daily span indices; _cat/indices lists them', async () => {
		const { b, get } = esBackend();
		const root = span({ startTime: us('2018-06-14T23:59:59.900Z'), operationName: 'checkout' });
		const child = childOf(root, { startTime: us('2018-06-15T00:00:00.100Z'), service: 'payments', operationName: 'charge' });
		b.collector.writeSpans([root, child]);
		const cat = await get('/_cat/indices?v');
		expect(cat.status).toBe(200);
		const rows = cat.text.trim().split('\n').map((l) => l.split(/\s+/));
		expect(rows[0].slice(0, 3)).toEqual(['health', 'status', 'index']);
		expect(rows.slice(1).map((r) => [r[2], r[6]])).toEqual([
			['jaeger-service-2018-06-14', '1'],
			['jaeger-service-2018-06-15', '1'],
			['jaeger-span-2018-06-14', '1'],
			['jaeger-span-2018-06-15', '1']
		]);
		const json = JSON.parse((await get('/_cat/indices?format=json')).text);
		expect(json.map((r: { index: string }) => r.index)).toContain('jaeger-span-2018-06-15');
		// the query service still finds the whole trace
		expect(b.store.getTrace(root.traceID)?.spans).toHaveLength(2);
	});

	it('_search matches traceID, service and operationName in the indices named', async () => {
		const { b, get } = esBackend('prod');
		const root = span({ startTime: us('2018-06-14T23:59:59.900Z') });
		const child = childOf(root, { startTime: us('2018-06-15T00:00:00.100Z'), service: 'payments', operationName: 'charge' });
		b.collector.writeSpans([root, child, span({ startTime: us('2018-06-15T10:00:00Z') })]);
		const byTrace = JSON.parse((await get('/prod-jaeger-span-2018-06-15/_search', JSON.stringify({ query: { match: { traceID: root.traceID } } }))).text);
		expect(byTrace.hits.total.value).toBe(1);
		expect(byTrace.hits.hits[0]._index).toBe('prod-jaeger-span-2018-06-15');
		expect(byTrace.hits.hits[0]._source).toMatchObject({ spanID: child.spanID, operationName: 'charge', startTimeMillis: Math.floor(child.startTime / 1000) });
		const wrongDay = JSON.parse((await get('/prod-jaeger-span-2018-06-14/_search', JSON.stringify({ query: { match: { spanID: child.spanID } } }))).text);
		expect(wrongDay.hits.total.value).toBe(0);
		const both = JSON.parse(
			(await get('/prod-jaeger-span-*/_search', JSON.stringify({ query: { bool: { must: [{ match: { 'process.serviceName': 'payments' } }, { term: { operationName: 'charge' } }] } } }))).text
		);
		expect(both.hits.total.value).toBe(1);
		const services = JSON.parse((await get('/prod-jaeger-service-2018-06-15/_search', JSON.stringify({ query: { match: { serviceName: 'payments' } } }))).text);
		expect(services.hits.hits[0]._source).toEqual({ serviceName: 'payments', operationName: 'charge' });
		expect(JSON.parse((await get('/prod-jaeger-span-*/_count')).text).count).toBe(3);
	});

	it('answers 404 for an index that does not exist and 400 for queries it does not understand', async () => {
		const { b, get } = esBackend();
		b.collector.writeSpans([span({ startTime: us('2018-06-15T10:00:00Z') })]);
		const missing = await get('/jaeger-span-2018-06-13/_search', '{"query":{"match_all":{}}}');
		expect(missing.status).toBe(404);
		expect(JSON.parse(missing.text).error.type).toBe('index_not_found_exception');
		expect((await get('/jaeger-span-*/_search', '{"query":{"fuzzy":{"a":"b"}}}')).status).toBe(400);
		expect((await get('/jaeger-span-*/_search', '{not json')).status).toBe(400);
	});

	it('is on the network only while storage is elasticsearch', () => {
		const mem = createBackend({ timers: manualTimers().timers });
		expect(mem.handlers().some((h) => h.host === 'elasticsearch')).toBe(false);
		const { b } = esBackend();
		expect(b.handlers().some((h) => h.host === 'elasticsearch' && h.port === 9200)).toBe(true);
	});
});
