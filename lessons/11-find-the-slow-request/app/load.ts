// The load: 50 customers ask for a ride at the same moment, like a Friday evening. Not traced — it
// stands for the browsers; each trace starts at the frontend.
import { fetch } from 'tour/http';

const CUSTOMERS = ['123', '567', '392', '731'];
const REQUESTS = 50;

async function dispatch(customer: string): Promise<{ ok: boolean; ms: number; error?: string }> {
  const started = Date.now();
  try {
    const res = await fetch(`http://frontend:8080/dispatch?customer=${customer}`);
    return { ok: res.ok, ms: Date.now() - started, error: res.ok ? undefined : `${res.status} ${await res.text()}` };
  } catch (err) {
    return { ok: false, ms: Date.now() - started, error: String(err) };
  }
}

/** The value below which `p` of the sorted `ms` lie (nearest rank). */
function percentile(ms: number[], p: number): number {
  return ms[Math.max(0, Math.ceil(p * ms.length) - 1)] ?? 0;
}

export async function main() {
  const results = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => dispatch(CUSTOMERS[i % CUSTOMERS.length])));
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const failed = results.filter((r) => !r.ok);
  console.log(`${REQUESTS - failed.length} of ${REQUESTS} dispatches answered`);
  console.log(`latency p50 ${percentile(ms, 0.5)} ms · p95 ${percentile(ms, 0.95)} ms · max ${ms[ms.length - 1]} ms`);
  if (failed.length > 0) console.log(`first failure: ${failed[0].error}`);
}
