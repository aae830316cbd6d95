// The sandbox's MySQL and Redis answer in about a millisecond and its route service computes
// nothing. Real ones take longer: these pauses stand in for that work, as HotROD's delay.Sleep
// does — a mean give or take a spread, from a seeded generator so every run is alike.
import { sleep } from 'tour/time';

let seed = 20170601;

function random(): number {
  // mulberry32: small, fast, and the same numbers on every run
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Pause for `meanMs` ± `spreadMs`. */
export function work(meanMs: number, spreadMs: number): Promise<void> {
  return sleep(Math.max(0, meanMs + (random() * 2 - 1) * spreadMs));
}
