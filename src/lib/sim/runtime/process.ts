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

/**
 * The arguments `program` gets from the Arguments field — the one reading shared by the runner and
 * the checks. The field is split like a shell line; a first word that names the program
 * (`hello Bryan Bonjour`, the field typed as a whole command line) is the command, and is dropped.
 * Takes the field's text or its words already split.
 */
export function programArgs(field: string | readonly string[], program: string): string[] {
	const words = typeof field === 'string' ? splitArgs(field) : [...field];
	return words.length > 0 && words[0] === program ? words.slice(1) : words;
}
