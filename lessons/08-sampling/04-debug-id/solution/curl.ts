import { fetch } from 'tour/http';

// Ten orders, as a customer's browser would send them: no tracer here.
export async function main(): Promise<void> {
  for (let order = 1; order <= 10; order++) {
    // Order 7 is the one to investigate: ask for its trace, whatever the sampler says.
    const headers: Record<string, string> = order === 7 ? { 'jaeger-debug-id': 'order-7' } : {};
    const res = await fetch(`http://frontend:8080/checkout?order=${order}`, { headers });
    console.log(`order ${order}: ${await res.text()}`);
  }
}
