import { fetch } from 'tour/http';

// A browser clicking through the shop: it is not traced, so each request starts a trace of its own.
export async function main(): Promise<void> {
  for (const id of process.argv.slice(2)) {
    const res = await fetch(`http://frontend:8080/customer/${id}`);
    console.log(`GET /customer/${id} → ${res.status}`);
  }
  const res = await fetch('http://frontend:8080/customers');
  console.log(`GET /customers → ${res.status}`);
}
