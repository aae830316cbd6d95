/** The `tour/process` module: the command line a service was started with. */
export interface TourProcess {
	/** Node-shaped: ['node', '<service>', ...args], so `argv[2]` is the first argument as in the tutorial */
	argv: string[];
	/** just the arguments: argv.slice(2) */
	args: string[];
	env: Record<string, string>;
}

export function createProcessModule(service: string, args: readonly string[]): TourProcess {
	return {
		argv: ['node', service, ...args],
		args: [...args],
		env: { SERVICE_NAME: service }
	};
}

/**
 * Splits the Arguments field like a shell does for plain words and quotes:
 * `Bryan "Bonjour tout le monde"` → ['Bryan', 'Bonjour tout le monde'].
 */
export function splitArgs(line: string): string[] {
	const out: string[] = [];
	const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
	for (const m of line.matchAll(re)) {
		out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]));
	}
	return out;
}
