/** The `tour/process` module: the command line a service was started with, and its way out. */
export interface TourProcess {
	/** Node-shaped: ['node', '<service>', ...args], so `argv[2]` is the first argument as in the tutorial */
	argv: string[];
	/** just the arguments: argv.slice(2) */
	args: string[];
	env: Record<string, string>;
	/**
	 * Ends the program at once, as Node's does: nothing after it runs, pending timers and requests are
	 * dropped, and the tracer is not closed — spans still in its reporter's buffer are lost.
	 * `code` defaults to 0 (success); anything else reads as a failure.
	 */
	exit(code?: number | string | null): never;
}

/**
 * `exit` ends the service (the runtime's, given the exit status); without one (a module made for
 * typings or a test) exit is refused.
 */
export function createProcessModule(service: string, args: readonly string[], exit?: (status: number) => never): TourProcess {
	return {
		argv: ['node', service, ...args],
		args: [...args],
		env: { SERVICE_NAME: service },
		exit(code?: number | string | null): never {
			const status = exitStatus(code);
			if (!exit) throw new Error('process.exit is not available here');
			return exit(status);
		}
	};
}

/**
 * The status a shell sees for `process.exit(code)`: an integer (or integer text, as Node takes),
 * kept to its low 8 bits as POSIX does (256 → 0, -1 → 255); none → 0. Anything else throws
 * Node's TypeError before the program ends.
 */
export function exitStatus(code: unknown): number {
	if (code === undefined || code === null) return 0;
	const n = typeof code === 'number' ? code : typeof code === 'string' && /^\s*-?\d+\s*$/.test(code) ? Number(code) : NaN;
	if (!Number.isSafeInteger(n)) {
		const got = typeof code === 'string' ? `'${code.slice(0, 40)}'` : typeof code === 'number' ? String(code) : `type ${typeof code}`;
		throw new TypeError(`The "code" argument must be an integer. Received ${got}`);
	}
	return ((n % 256) + 256) % 256;
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
