// A step's or the playground's files → a Node project that runs them for real: the learner's files
// unchanged, tour/ (the Node layer: real http, jaeger-client, amqplib, node-redis, mysql2), package.json,
// docker-compose.yml with Jaeger and the servers the code uses, a README with the two commands.
import { LAYER_FILES, MODULES } from './layer';
import { IMAGES, NODE_DEPENDENCIES, WORLD_DEPENDENCIES } from './versions';
import { composeFile, type ComposeNeeds } from './compose';
import { projectReadme } from './readme';
import { traefikFiles } from './traefik';

export interface ProjectService {
	file: string;
	name: string;
}

export interface NodeProjectInput {
	/** the project's folder and package name: 'hello-rpc-05-failed-call' */
	name: string;
	/** what the README's title says */
	title: string;
	/** path → text, as in the editor */
	files: Record<string, string>;
	services: ProjectService[];
	/** the services the run waits for (those exporting main, else the first) */
	clients: string[];
	/** the Arguments field, split */
	args: string[];
}

type Module = (typeof MODULES)[number];

/** Which tour/* modules (and `jaeger-client`, an alias of tour/tracing) the files import. */
export function importedModules(files: Record<string, string>): Set<Module> {
	const used = new Set<Module>();
	for (const text of Object.values(files)) {
		for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]tour\/([a-z]+)['"]/g)) {
			if ((MODULES as readonly string[]).includes(m[1])) used.add(m[1] as Module);
		}
		if (/['"]jaeger-client['"]/.test(text)) used.add('tracing');
	}
	return used;
}

/** npm package names allow lower case, digits, '-', '.', '_'. */
export function packageName(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '').slice(0, 200) || 'trace-tour-project';
}

function sqlCredentials(files: Record<string, string>): ComposeNeeds['mysql'] {
	const code = Object.values(files).join('\n');
	const read = (key: string) => new RegExp(`\\b${key}\\s*:\\s*['"]([^'"]+)['"]`).exec(code)?.[1];
	return { user: read('user'), password: read('password'), database: read('database') ?? 'app', initFiles: Object.keys(files).filter((f) => f.endsWith('.sql')) };
}

export function nodeProject(input: NodeProjectInput): Record<string, string> {
	const used = importedModules(input.files);
	const dependencies: Record<string, string> = { ...NODE_DEPENDENCIES };
	for (const m of ['amqp', 'redis', 'mysql', 'grpc'] as const) if (used.has(m)) Object.assign(dependencies, WORLD_DEPENDENCIES[m]);
	// the course starts its Traefik when the files hold a traefik.yml; so does the compose file
	const traefik = typeof input.files['traefik.yml'] === 'string' ? traefikFiles(input.files['traefik.yml'], input.services.map((s) => s.name)) : null;
	const name = packageName(input.name);
	const pkg = {
		name,
		version: '1.0.0',
		private: true,
		type: 'module',
		description: `${input.title} — exported from Trace Tour`,
		engines: { node: '>=20.6' },
		scripts: { start: 'node tour/start.js' },
		devDependencies: { '@types/node': '20.19.25' },
		dependencies: { ...dependencies, tour: 'file:./tour' }
	};
	const needs: ComposeNeeds = {
		rabbitmq: used.has('amqp'),
		redis: used.has('redis'),
		mysql: used.has('mysql') ? sqlCredentials(input.files) : undefined,
		traefik: traefik ? { ports: traefik.ports } : undefined
	};
	const worldHosts = ['jaeger', 'jaeger-agent', 'jaeger-collector', 'jaeger-query', ...(needs.rabbitmq ? ['rabbitmq'] : []), ...(needs.redis ? ['redis'] : []), ...(needs.mysql ? ['mysql'] : []), ...(traefik ? ['traefik'] : [])];
	const tourPackage = {
		name: 'tour',
		version: '1.0.0',
		private: true,
		type: 'module',
		description: "The course's tour/* modules on Node",
		exports: Object.fromEntries(MODULES.map((m) => [`./${m}`, `./${m}.js`]))
	};
	const out: Record<string, string> = {};
	for (const [path, text] of Object.entries(input.files)) out[path] = text;
	out['package.json'] = JSON.stringify(pkg, null, 2) + '\n';
	out['tsconfig.json'] = JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: false, skipLibCheck: true, noEmit: true, lib: ['ES2022', 'ESNext.Disposable', 'DOM'] } }, null, 2) + '\n';
	out['docker-compose.yml'] = composeFile(needs, IMAGES);
	if (traefik) {
		out['traefik/static.yml'] = traefik.static;
		out['traefik/dynamic.yml'] = traefik.dynamic;
	}
	out['README.md'] = projectReadme({ title: input.title, args: input.args, needs, services: input.services, clients: input.clients, grpc: used.has('grpc') });
	out['tour/package.json'] = JSON.stringify(tourPackage, null, 2) + '\n';
	out['tour/project.json'] = JSON.stringify({ services: input.services, clients: input.clients, args: input.args, worldHosts }, null, 2) + '\n';
	for (const [file, text] of Object.entries(LAYER_FILES)) out[`tour/${file}`] = text;
	return out;
}
