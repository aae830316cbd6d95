// `npm run bench`: runs every test/bench/*.bench.ts in its own process (so one bench's heap and
// JIT state do not skew the next) and lets each print its tables. `npm run bench -- tracer` filters.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2);
const files = readdirSync(here)
	.filter((f) => f.endsWith('.bench.ts'))
	.filter((f) => filter.length === 0 || filter.some((w) => f.includes(w)))
	.sort();

console.log(`# Trace Tour benchmarks — ${new Date().toISOString()}, node ${process.version}`);
let failed = 0;
for (const f of files) {
	const tsx = join(here, '../../node_modules/.bin/tsx');
	const r = spawnSync(tsx, ['--expose-gc', join(here, f)], { stdio: 'inherit' });
	if (r.status !== 0) {
		failed++;
		console.log(`\n!! ${f} exited with ${r.status}`);
	}
}
process.exit(failed ? 1 : 0);
