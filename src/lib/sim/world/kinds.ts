import { traefikKind } from '../proxy/proxy';
import type { WorldHostKind } from './types';

/** Every simulated server a run offers, in the order they start (the proxy last: it routes to the others). */
export const WORLD_HOST_KINDS: WorldHostKind[] = [traefikKind];
