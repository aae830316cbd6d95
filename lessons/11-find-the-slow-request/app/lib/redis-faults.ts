// The sandbox's Redis never stalls. A real one does, now and then — a slow command ahead in its
// single thread, a failover. This stands in for that: every fifth lookup is held up for 400 ms
// before it reaches Redis (HotROD's errorSimulator fails every fifth GetDriver the same way).
import { sleep } from 'tour/time';

let lookups = 0;

export async function sometimesStall(): Promise<void> {
  lookups++;
  if (lookups % 5 === 0) await sleep(400);
}
