import { BACKEND_HOSTS, WORLD_HOST_NAMES, isValidHostName } from '$lib/sim';

export interface ServiceSpec {
	/** the entry file */
	file: string;
	/** its host name on the simulated network and its Console prefix */
	name: string;
}

const CODE = /\.(m?ts|tsx|m?js|jsx)$/;

/**
 * The playground's convention: every top-level code file is a service named after the file
 * (`formatter.ts` → `formatter`); files in folders (`lib/util.ts`) are shared modules, not services.
 * Tutorial steps name their services in front matter instead (`servicesFrom(step.services)`).
 */
export function servicesFromFiles(files: Record<string, string>): ServiceSpec[] {
	return Object.keys(files)
		.filter((f) => !f.includes('/') && CODE.test(f) && !f.endsWith('.d.ts'))
		.map((file) => ({ file, name: serviceName(file) }));
}

/** Front matter `services: { 'hello.ts': 'hello' }` → specs, in the map's order. */
export function servicesFrom(map: Record<string, string>): ServiceSpec[] {
	return Object.entries(map).map(([file, name]) => ({ file, name }));
}

/** 'Formatter_v2.ts' → 'formatter-v2': what DNS would accept as a host name. */
export function serviceName(file: string): string {
	const base = file.replace(/^.*\//, '').replace(CODE, '');
	return (
		base
			.toLowerCase()
			.replace(/[^a-z0-9-]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 63) || 'service'
	);
}

/** Problems with a set of services, as messages (empty when fine). */
export function checkServices(specs: ServiceSpec[], files: Record<string, string>): string[] {
	const problems: string[] = [];
	if (specs.length === 0) problems.push('Nothing to run: add a top-level .ts file.');
	const seen = new Map<string, string>();
	for (const s of specs) {
		if (!(s.file in files)) problems.push(`Service '${s.name}': no file '${s.file}'.`);
		if (!isValidHostName(s.name)) problems.push(`'${s.name}' cannot be a host name (use a-z, 0-9 and '-').`);
		if ((BACKEND_HOSTS as readonly string[]).includes(s.name)) problems.push(`'${s.name}' is taken by the Jaeger backend.`);
		if ((WORLD_HOST_NAMES as readonly string[]).includes(s.name)) problems.push(`'${s.name}' is taken by the simulated ${s.name} server: name the service after what it does.`);
		const other = seen.get(s.name);
		if (other) problems.push(`'${s.file}' and '${other}' would both be service '${s.name}'.`);
		seen.set(s.name, s.file);
	}
	return problems;
}

/**
 * Which services are clients — programs the run waits for. Those whose file exports `main`; if none
 * does, the first service. Everything else is started first (servers register their ports) and runs
 * until the clients are done.
 */
export function pickClients(specs: ServiceSpec[], exportsOf: (file: string) => string[]): ServiceSpec[] {
	const withMain = specs.filter((s) => exportsOf(s.file).includes('main'));
	return withMain.length ? withMain : specs.slice(0, 1);
}

const EXPORTS_MAIN = /export\s+(async\s+)?function\s+main\b|export\s+(const|let)\s+main\b|export\s*\{[^}]*\bmain\b[^}]*\}/;

/**
 * The client as `pickClients` will pick it, read from the source before it is compiled: what a page
 * shows as the command before the Arguments field (`node hello`). The run itself decides from the
 * compiled exports, by the same rule.
 */
export function clientBeforeCompile(files: Record<string, string>, services?: Record<string, string>): ServiceSpec | null {
	const specs = services ? servicesFrom(services) : servicesFromFiles(files);
	return pickClients(specs, (f) => (EXPORTS_MAIN.test(files[f] ?? '') ? ['main'] : []))[0] ?? null;
}
