import { fetch } from 'tour/http';

// The shop's traffic for one minute: two customers' orders, and two from the nightly smoke test,
// which sends real-looking orders through production and marks them with its run id.
const orders = [
  { id: 101, item: 'tulips', qty: 12 },
  { id: 102, item: 'roses', qty: 3, testRun: 'smoke-7' },
  { id: 103, item: 'lilies', qty: 5 },
  { id: 104, item: 'peonies', qty: 1, testRun: 'smoke-7' },
];

export async function main(): Promise<void> {
  for (const { testRun, ...order } of orders) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (testRun) headers['x-test-run'] = testRun;
    const res = await fetch('http://edge:8080/orders', { method: 'POST', headers, body: JSON.stringify(order) });
    console.log(`order ${order.id}${testRun ? ' (test)' : ''} → ${res.status}`);
  }
}
