// The playground's Examples menu: one program per protocol, then chapter 11's whole application
// (its files are read from the lesson at build time, so only Vite can load this module).
import type { PlaygroundExample } from '$lib/course';
import { PROTOCOL_EXAMPLES } from './protocols';
import { hotrodExample } from './hotrod';

export const EXAMPLES: PlaygroundExample[] = [...PROTOCOL_EXAMPLES, { id: 'hotrod', ...hotrodExample }];
