// The tracing-systems reading page's content: every system the page promises, both languages for
// every field, a source for every entry, and the corrections to the usual comparison table kept.
import { describe, expect, it } from 'vitest';
import { TRACING_SYSTEMS, systemsIn } from '$lib/course';

const FIELDS = ['origin', 'language', 'instrumentation', 'storage', 'status'] as const;
const han = /[\u4e00-\u9fff]/;

describe('tracing systems', () => {
	it('lists the ten systems the page is about, backends first', () => {
		expect(TRACING_SYSTEMS.map((s) => s.id)).toEqual(['dapper', 'zipkin', 'jaeger', 'skywalking', 'pinpoint', 'cat', 'appdash', 'opentracing', 'opencensus', 'opentelemetry']);
		expect(TRACING_SYSTEMS.filter((s) => s.kind === 'standard').map((s) => s.id)).toEqual(['opentracing', 'opencensus', 'opentelemetry']);
	});

	it('says every field in English and in Chinese, not the same words twice', () => {
		for (const s of TRACING_SYSTEMS)
			for (const f of [...FIELDS, 'corrects'] as const) {
				const w = s[f];
				if (w === undefined) continue;
				expect(w.en.length, `${s.id}.${f}`).toBeGreaterThan(2);
				expect(w['zh-CN'], `${s.id}.${f}`).toMatch(han);
				expect(w['zh-CN'], `${s.id}.${f}`).not.toBe(w.en);
			}
	});

	it('gives every entry at least one source with a web address', () => {
		for (const s of TRACING_SYSTEMS) {
			expect(s.sources.length, s.id).toBeGreaterThan(0);
			for (const src of s.sources) expect(new URL(src.url).protocol, src.url).toMatch(/^https?:$/);
		}
	});

	it('picks one language for the page', () => {
		const zh = systemsIn('zh-CN');
		const en = systemsIn('en');
		expect(zh).toHaveLength(TRACING_SYSTEMS.length);
		expect(zh.find((s) => s.id === 'cat')!.origin).toMatch(/美团点评/);
		expect(en.find((s) => s.id === 'cat')!.origin).toMatch(/Meituan-Dianping/);
		expect(en.every((s) => !han.test(s.status))).toBe(true);
	});

	it('keeps the corrections to the usual comparison table', () => {
		const en = Object.fromEntries(systemsIn('en').map((s) => [s.id, s]));
		expect(en.zipkin.language).toMatch(/Scala/);
		expect(en.skywalking.corrects).toMatch(/Not a Huawei product/);
		expect(en.jaeger.status).toMatch(/end of life on 31 December 2025/);
		expect(en.jaeger.corrects).toMatch(/Kafka .* buffer/);
		expect(en.opentracing.status).toMatch(/31 January 2022/);
		expect(en.opencensus.status).toMatch(/31 July 2023/);
		expect(en.appdash.status).toMatch(/2021/);
	});
});
