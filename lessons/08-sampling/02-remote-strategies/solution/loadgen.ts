import { fetch } from 'tour/http';
import { sleep } from 'tour/time';

// A minute of traffic, squeezed: the load balancer's health checks, and the users' requests.
export async function main(): Promise<void> {
  // the frontend's remote sampler polls the agent as it starts: give the answer time to arrive
  await sleep(300);
  for (let i = 0; i < 20; i++) {
    await fetch('http://frontend:8080/health');
    await fetch('http://frontend:8080/health');
    await fetch('http://frontend:8080/health');
    await fetch('http://frontend:8080/search?q=lamp');
    await fetch('http://frontend:8080/checkout', { method: 'POST', body: '{"cart": 1}' });
  }
  console.log('sent 60 health checks, 20 searches and 20 checkouts');
}
