// Stop (or a new Run) while the compiler is still downloading ends the run at once; the compile
// goes on and the next Run uses it.
import { describe, expect, it } from 'vitest';
import { startWorld, type CompileResult, type WorldDeps } from '$lib/runner';

function slowCompiler() {
	let finish!: (r: CompileResult) => void;
	const pending = new Promise<CompileResult>((r) => (finish = r));
	const compiler: WorldDeps['compiler'] = { compile: () => pending, onState: () => () => {} };
	return { compiler, finish };
}

const req = { files: { 'main.ts': 'export async function main() {}\n' } };

describe('Stop while compiling', () => {
	it('ends the run without waiting for the compiler, saying so', async () => {
		const { compiler } = slowCompiler();
		const world = startWorld({ compiler, pool: { take: () => [] }, hosts: [] }, req);
		await new Promise((r) => setTimeout(r, 10));
		world.stop();
		const result = await world.result;
		expect(result.stopped).toBe(true);
		expect(result.ok).toBe(false);
		expect(result.console.map((l) => l.text)).toEqual(['Run stopped.']);
		expect(await world.network).toBeNull();
	});

	it('a compile that finishes after Stop starts nothing', async () => {
		const { compiler, finish } = slowCompiler();
		let taken = 0;
		const world = startWorld({ compiler, pool: { take: (n) => ((taken += n), []) }, hosts: [] }, req);
		world.stop();
		await world.result;
		finish({ ok: true, bundles: { 'main.ts': { code: '', map: '', exports: ['main'] } }, warnings: [] } as unknown as CompileResult);
		await new Promise((r) => setTimeout(r, 10));
		expect(taken).toBe(0);
	});
});
