import { createServer } from 'node:http';
import { siteHandler } from '/work/main/src/lib/course/site-server';
import { throttledProxy } from '/work/main/test/bench/lib/throttle';
import { bareVisit } from '/work/main/test/bench/lib/bare-visit';
const server = createServer(siteHandler(process.env.ROOT ?? '/work/main/build', { compressed: true }));
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const port = (server.address() as any).port;
for (let i = 0; i < Number(process.env.N ?? 3); i++) {
	const proxy = await throttledProxy(`http://127.0.0.1:${port}`, { name: '10', bitsPerSecond: 10e6, latencyMs: 40 });
	const r = await bareVisit(`${proxy.origin}/tutorial/hello-span/real-tracer`, 60000);
	console.log(`text ${r.text.toFixed(0)} editor ${r.editor.toFixed(0)} pass ${r.pass.toFixed(0)} tasks`, JSON.stringify(r.tasks.map((t) => [Math.round(t.start), Math.round(t.duration)])));
	await proxy.close();
}
server.close();
