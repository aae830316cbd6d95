// Builds what runs inside the sandbox — the frame's script and the service worker's runtime — as
// two self-contained classic scripts (a sandboxed frame can start classic workers from blob URLs,
// not module workers), and serves them to the page as `virtual:sandbox`:
// { SANDBOX_HTML, WORKER_SOURCE }. Made with esbuild once per build; on the dev server, again
// whenever a file they are made of changes.
import type { Plugin } from 'vite';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { sandboxHtml } from './html.ts';

const ID = 'virtual:sandbox';

async function bundle(root: string, entry: string): Promise<{ code: string; inputs: string[] }> {
	const out = await build({
		entryPoints: [join(root, 'src/lib/runner/sandbox', entry)],
		bundle: true,
		write: false,
		metafile: true,
		format: 'iife',
		platform: 'browser',
		target: 'es2022',
		minify: true,
		legalComments: 'none',
		alias: { $lib: join(root, 'src/lib') },
		logLevel: 'silent'
	});
	return { code: out.outputFiles[0].text, inputs: Object.keys(out.metafile.inputs).map((p) => join(root, p)) };
}

export async function buildSandbox(root: string) {
	const [frame, worker] = await Promise.all([bundle(root, 'frame.ts'), bundle(root, 'worker.ts')]);
	const script = frame.code.trim();
	const hash = createHash('sha256').update(script, 'utf8').digest('base64');
	return { html: sandboxHtml(script, hash), worker: worker.code, inputs: [...frame.inputs, ...worker.inputs] };
}

export function sandboxRuntime(root: string): Plugin {
	return {
		name: 'trace-tour:sandbox',
		resolveId: (id) => (id === ID ? '\0' + ID : null),
		async load(id) {
			if (id !== '\0' + ID) return null;
			const made = await buildSandbox(root);
			for (const f of made.inputs) this.addWatchFile(f);
			return `export const SANDBOX_HTML = ${JSON.stringify(made.html)};\nexport const WORKER_SOURCE = ${JSON.stringify(made.worker)};\n`;
		}
	};
}
