import { fetch } from 'tour/http';

// A busy minute, squeezed into one burst.
export async function main(): Promise<void> {
  let failed = 0;
  for (let id = 1; id <= 400; id++) {
    const res = await fetch(`http://api:8080/order?id=${id}`);
    if (!res.ok) failed++;
  }
  console.log(`400 requests, ${failed} failed`);
}
