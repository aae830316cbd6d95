import type { WorldHostKind } from './types';
import { SQL_HOST_KIND } from '../sql/host';
import { amqpBrokerKind } from '../amqp/host';

/** Every simulated server a run offers, in the order they start (the proxy last: it routes to the others). */
export const WORLD_HOST_KINDS: WorldHostKind[] = [SQL_HOST_KIND, amqpBrokerKind];
