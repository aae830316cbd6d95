import { traefikKind } from '../proxy/proxy';
import type { WorldHostKind } from './types';

/** Every simulated server a run offers, in the order they start (the proxy last: it routes to the others). */
export const WORLD_HOST_KINDS: WorldHostKind[] = [traefikKind];

/** Host names the world's servers take: a learner's service cannot be called one of these. */
export const WORLD_HOST_NAMES: readonly string[] = WORLD_HOST_KINDS.flatMap((k) => k.hosts);
