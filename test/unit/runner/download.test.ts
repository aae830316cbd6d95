// The compiler's download over a real HTTP server and Node's fetch: progress as bytes arrive, and a
// download that stalls is given up with a message saying so (a steady slow one is not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { download, type Progress } from '../../../src/lib/runner/compile/download';

let server: Server;
let origin = '';
const open: ServerResponse[] = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		open.push(res);
		const chunk = Buffer.alloc(1000, 1);
		if (req.url === '/silent') return; // never answers
		if (req.url === '/missing') return res.writeHead(404).end();
		res.writeHead(200, { 'content-length': String(req.url === '/steady' ? 6000 : 5000) });
		if (req.url === '/halfway') return void res.write(chunk); // then nothing, the socket left open
		let sent = 0;
		const timer = setInterval(() => {
			res.write(chunk);
			if (++sent === 6) clearInterval(timer), res.end();
		}, 80);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const a = server.address();
	origin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(async () => {
	open.forEach((r) => r.destroy());
	await new Promise((r) => server.close(r));
});

async function readAll(body: ReadableStream<Uint8Array>): Promise<number> {
	let n = 0;
	for await (const c of body as unknown as AsyncIterable<Uint8Array>) n += c.length;
	return n;
}

describe('download', () => {
	it('counts a slow, steady download to its end', async () => {
		const seen: Progress[] = [];
		const d = await download(origin + '/steady', { builtBytes: null, stallMs: 1500, reportEvery: 1500, onProgress: (p) => seen.push(p) });
		expect(await readAll(d.body)).toBe(6000);
		expect(d.failure()).toBeNull();
		expect(Number.isFinite(d.lastByte())).toBe(true);
		expect(seen.at(-1)).toEqual({ loaded: 6000, total: 6000 });
		expect(seen.length).toBeGreaterThan(2);
	});

	it('gives up a body that stops arriving, saying it stalled', async () => {
		const d = await download(origin + '/halfway', { builtBytes: null, stallMs: 300 });
		await expect(readAll(d.body)).rejects.toBeDefined();
		expect(d.failure()?.message).toMatch(/^the download stalled: nothing arrived for 300 ms\. Check the connection, then Run again\.$/);
	});

	it('gives up a server that never answers', async () => {
		await expect(download(origin + '/silent', { builtBytes: null, stallMs: 300 })).rejects.toThrow(/the download stalled/);
	});

	it('names the status of a refused download', async () => {
		await expect(download(origin + '/missing', { builtBytes: null })).rejects.toThrow('the server answered 404');
	});
});

describe('download, refused', () => {
	it('says a connection that fails is a failed download', async () => {
		await expect(download('http://127.0.0.1:1/esbuild.wasm', { builtBytes: null })).rejects.toThrow(/^the download failed \(.+\)\. Check the connection, then Run again\.$/);
	});
});
