// A step exported as the button gives it (through the zip), written to a temporary folder and
// `npm install`ed from the registry; `run` runs a command there and keeps what it printed.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { nodeProject, projectInput, zipProject } from '$lib/takehome';

export function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (c) => (out += c));
		child.stderr.on('data', (c) => (out += c));
		child.on('error', reject);
		child.on('exit', (code) => resolve({ code: code ?? 1, out }));
	});
}

/** The project in `<tmp>/<name>`, installed; returns the temporary root (to remove) and the folder. */
export async function exportAndInstall(name: string, title: string, s: { solution: Record<string, string>; services: Record<string, string>; args: string }): Promise<{ dir: string; folder: string }> {
	const dir = mkdtempSync(join(tmpdir(), 'takehome-'));
	const input = projectInput({ name, title, files: s.solution, services: s.services, args: s.args });
	const zip = unzipSync(zipProject(name, nodeProject(input)));
	for (const [path, bytes] of Object.entries(zip)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), strFromU8(bytes));
	}
	const folder = join(dir, name);
	const install = await run('npm', ['install', '--no-audit', '--no-fund'], folder);
	if (install.code !== 0) throw new Error(`npm install failed:\n${install.out}`);
	return { dir, folder };
}
