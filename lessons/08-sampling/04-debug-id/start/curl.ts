import { fetch } from 'tour/http';

// Ten orders, as a customer's browser would send them: no tracer here.
export async function main(): Promise<void> {
  for (let order = 1; order <= 10; order++) {
    const res = await fetch(`http://frontend:8080/checkout?order=${order}`);
    console.log(`order ${order}: ${await res.text()}`);
  }
}
