import { fetch } from 'tour/http';

// The QA team's tool asks for a fault the way Jaeger lets an untraced caller start baggage: a
// `jaeger-baggage` header. An outsider can type the same header.
const requests = [
  { id: 301, apiKey: 'key-7d1c' },
  { id: 302, apiKey: 'key-qa51', baggage: 'chaos=ledger' }, // QA: what do we do when the ledger is down?
  { id: 303, apiKey: 'key-qa51', baggage: 'chaos=inventory' }, // QA, aimed at another team's service
  { id: 304, apiKey: 'key-93fa', baggage: 'chaos=ledger' }, // a customer who read our docs
  { id: 305, apiKey: 'key-7d1c' },
];

export async function main(): Promise<void> {
  for (const { id, apiKey, baggage } of requests) {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-api-key': apiKey };
    if (baggage) headers['jaeger-baggage'] = baggage;
    const order = { id, item: 'tulips', qty: 10 };
    const res = await fetch('http://edge:8080/orders', { method: 'POST', headers, body: JSON.stringify(order) });
    console.log(`order ${id}${baggage ? ` (${baggage})` : ''} → ${res.status}`);
  }
}
