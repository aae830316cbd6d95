import { fetch } from 'tour/http';

// The browser now goes through the ingress, as every request from outside does.
export async function main(): Promise<void> {
  for (const id of process.argv.slice(2)) {
    const res = await fetch(`http://traefik/customer/${id}`);
    console.log(`GET /customer/${id} → ${res.status}`);
  }
  const res = await fetch('http://traefik/customers');
  console.log(`GET /customers → ${res.status}`);
}
