import type { Network } from '../network/network';
import type { HostContext, RunningHost, WorldHostKind } from './types';

/**
 * The simulated servers of a run, as one thing the runner attaches to each run's network (like the
 * backend): every attach starts each kind afresh and stops what the previous run left.
 */
export function createWorldHosts(kinds: readonly WorldHostKind[]) {
	let running: RunningHost[] = [];
	const stopAll = () => {
		for (const h of running) {
			try {
				h.stop();
			} catch {
				// a host that cannot stop cleanly must not keep the next run from starting
			}
		}
		running = [];
	};
	return {
		name: 'world',
		async attach(network: Network, ctx: HostContext): Promise<void> {
			stopAll();
			for (const kind of kinds) {
				const h = await kind.start(network, ctx);
				if (h) running.push(h);
			}
		},
		async flush(): Promise<void> {
			await Promise.all(running.map((h) => h.flush?.()));
		},
		stop: stopAll
	};
}
