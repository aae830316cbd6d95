import type { Network } from '../network/network';

/** What a simulated host sees of the run it joins. */
export interface HostContext {
	/** the run's files (a host may read its configuration: data.sql, traefik.yml) */
	readonly files: Readonly<Record<string, string>>;
	/** a line in the Console under the host's name */
	print(host: string, stream: 'out' | 'err' | 'system', text: string): void;
	/** the host cannot start (a bad configuration file): the run fails with this message, marked at `at` in the editor */
	fail(host: string, message: string, at?: { file: string; line: number }): void;
}

/** One simulated server of one run, attached to that run's network. */
export interface RunningHost {
	/** hand on anything buffered before the run's result is read (the proxy's spans) */
	flush?(): Promise<void>;
	/** the run is over: timers cleared, nothing more is sent */
	stop(): void;
}

/**
 * A kind of simulated server the world offers (a broker, Redis, a database, the proxy): started fresh
 * for every run, so no state leaks from one run into the next.
 */
export interface WorldHostKind {
	/** the host names it takes on the network: learner services may not use them */
	readonly hosts: readonly string[];
	/** registers its endpoints on `network`; null when this run does not need it (no traefik.yml) */
	start(network: Network, ctx: HostContext): RunningHost | null | Promise<RunningHost | null>;
}
