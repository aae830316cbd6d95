import { fetch } from 'tour/http';

const orders = [
  { id: 401, item: 'tulips', qty: 40, apiKey: 'key-7d1c' },
  { id: 402, item: 'roses', qty: 25, apiKey: 'key-93fa' },
];

export async function main(): Promise<void> {
  for (const { apiKey, ...order } of orders) {
    const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };
    const res = await fetch('http://edge:8080/orders', { method: 'POST', headers, body: JSON.stringify(order) });
    console.log(`order ${order.id} → ${res.status}`);
  }
}
