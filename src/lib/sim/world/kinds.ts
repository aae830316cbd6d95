import type { WorldHostKind } from './types';
import { amqpBrokerKind } from '../amqp/host';
import { redisHostKind } from '../redis/host';

/** Every simulated server a run offers, in the order they start (the proxy last: it routes to the others). */
export const WORLD_HOST_KINDS: WorldHostKind[] = [amqpBrokerKind, redisHostKind];
