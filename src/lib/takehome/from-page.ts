// What a page has (its files, the step's services or the playground's convention, the Arguments
// field) → the project's input, read by the runner's own rules so the project runs what Run ran.
import { pickClients, servicesFrom, servicesFromFiles } from '$lib/runner';
import { programArgs } from '$lib/sim';
import type { NodeProjectInput } from './project';

const EXPORTS_MAIN = /export\s+(async\s+)?function\s+main\b|export\s+(const|let)\s+main\b|export\s*\{[^}]*\bmain\b[^}]*\}/;

export interface PageWork {
	name: string;
	title: string;
	files: Record<string, string>;
	/** a step's front matter `services`; the playground has none (every top-level file is one) */
	services?: Record<string, string>;
	/** the Arguments field as typed */
	args: string;
}

export function projectInput(work: PageWork): NodeProjectInput {
	const services = work.services ? servicesFrom(work.services) : servicesFromFiles(work.files);
	const clients = pickClients(services, (f) => (EXPORTS_MAIN.test(work.files[f] ?? '') ? ['main'] : []));
	return {
		name: work.name,
		title: work.title,
		files: work.files,
		services,
		clients: clients.map((c) => c.name),
		args: clients[0] ? programArgs(work.args, clients[0].name) : []
	};
}
