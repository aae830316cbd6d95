import { fetch } from 'tour/http';

// Two shops that buy from the same wholesaler, each with its own API key.
const orders = [
  { id: 201, item: 'tulips', qty: 40, apiKey: 'key-7d1c' },
  { id: 202, item: 'roses', qty: 25, apiKey: 'key-93fa' },
  { id: 203, item: 'lilies', qty: 10, apiKey: 'key-7d1c' },
];

export async function main(): Promise<void> {
  for (const { apiKey, ...order } of orders) {
    const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };
    const res = await fetch('http://edge:8080/orders', { method: 'POST', headers, body: JSON.stringify(order) });
    console.log(`order ${order.id} → ${res.status}`);
  }
  // what a Prometheus server would scrape from the ledger
  const metrics = await fetch('http://ledger:9090/metrics');
  for (const line of (await metrics.text()).split('\n')) if (line) console.log(line);
}
