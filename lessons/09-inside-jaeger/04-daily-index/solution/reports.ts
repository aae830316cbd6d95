import { fetch } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer({
  serviceName: 'reports',
  sampler: { type: 'const', param: 1 },
  reporter: { collectorEndpoint: 'http://jaeger-collector:14268/api/traces' },
});

const ES = 'http://elasticsearch:9200';

export async function main(): Promise<void> {
  // last night's report, replayed from the job's log: it ran at 00:30 in Shanghai (UTC+8)
  const ranAt = Date.parse('2026-06-19T00:30:00+08:00');
  const span = tracer.startSpan('nightly-report', { startTime: ranAt });
  span.finish(ranAt + 1_200);
  // Elasticsearch keeps ids as Jaeger writes them: 16 hex digits, leading zeros included
  const spanID = span.context().toSpanId().padStart(16, '0');
  await tracer.close(); // flushed: the collector has written it

  const indices = (await (await fetch(`${ES}/_cat/indices?format=json`)).json()) as { index: string }[];
  console.log('indices:', indices.map((i) => i.index).join(', '));

  // every daily span index: Jaeger picks the day from the span's start time in UTC
  const res = await fetch(`${ES}/jaeger-span-*/_search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: { term: { spanID } } }),
  });
  if (!res.ok) {
    console.log(`search failed: ${res.status} ${await res.text()}`);
    return;
  }
  const found = (await res.json()) as { hits: { hits: { _index: string }[] } };
  console.log(`found in ${found.hits.hits[0]?._index ?? 'no index'}`);
}
