// npm start's server and the build's precompression, against a small site in a temp directory.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import { precompressDir, shouldCompress } from '../../../src/lib/course/precompress.js';
import { cacheControlFor, lanUrls, parseStartArgs, startSite } from '../../../src/lib/course/site-server';

// compressible and large enough to be worth it
const JS = 'export const greeting = "hello";\n'.repeat(200);
const WASM = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4000, 7)]);
const HTML = `<!doctype html><html><body>${'<p>lesson text</p>'.repeat(100)}</body></html>`;

let root = '';
let server: Server;
let port = 0;

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'site-server-'));
	const files: Record<string, string | Buffer> = {
		'_app/immutable/chunks/start.abc.js': JS,
		'_app/immutable/workers/assets/esbuild-X.wasm': WASM,
		'tutorial/a.html': HTML,
		'service-worker.js': JS,
		'tiny.js': 'x'
	};
	for (const [file, body] of Object.entries(files)) {
		mkdirSync(dirname(join(root, file)), { recursive: true });
		writeFileSync(join(root, file), body);
	}
	const report = await precompressDir(root);
	expect(report.files).toBe(4); // not tiny.js
	({ server, port } = await startSite(root, { host: '127.0.0.1', port: 0, offline: true }));
});
afterAll(async () => {
	await new Promise((ok) => server?.close(ok));
	rmSync(root, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}, to = port) {
	return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((ok, fail) => {
		const req = request({ host: '127.0.0.1', port: to, path, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', fail);
		req.end();
	});
}

describe('precompression (the build step)', () => {
	it('writes .br and .gz beside text and wasm files, not beside tiny ones, and they decode to the file', () => {
		const js = join(root, '_app/immutable/chunks/start.abc.js');
		expect(brotliDecompressSync(readFileSync(js + '.br')).toString()).toBe(JS);
		expect(gunzipSync(readFileSync(js + '.gz')).toString()).toBe(JS);
		expect(existsSync(join(root, '_app/immutable/workers/assets/esbuild-X.wasm.br'))).toBe(true);
		expect(existsSync(join(root, 'tiny.js.br'))).toBe(false);
		expect(shouldCompress('a.png', 10_000)).toBe(false);
		expect(shouldCompress('a.wasm', 10_000)).toBe(true);
	});
});

describe('npm start serves the compressed copies', () => {
	it('sends brotli for a .js and a .wasm to a browser that accepts it, with Vary and a year of cache for hashed files', async () => {
		for (const [path, raw, type] of [
			['/_app/immutable/chunks/start.abc.js', Buffer.from(JS), /javascript/],
			['/_app/immutable/workers/assets/esbuild-X.wasm', WASM, /^application\/wasm$/]
		] as const) {
			const res = await get(path, { 'accept-encoding': 'gzip, deflate, br, zstd' });
			expect(res.status).toBe(200);
			expect(res.headers['content-encoding']).toBe('br');
			expect(res.headers['vary']).toBe('Accept-Encoding');
			expect(res.headers['content-type']).toMatch(type);
			expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
			expect(brotliDecompressSync(res.body)).toEqual(raw);
		}
	});

	it('sends gzip when that is all the browser accepts, and the plain file when it accepts nothing', async () => {
		const gz = await get('/_app/immutable/chunks/start.abc.js', { 'accept-encoding': 'gzip' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).toString()).toBe(JS);
		for (const path of ['/_app/immutable/chunks/start.abc.js', '/_app/immutable/workers/assets/esbuild-X.wasm']) {
			const plain = await get(path);
			expect(plain.status).toBe(200);
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(plain.body.length).toBe(path.endsWith('.js') ? Buffer.byteLength(JS) : WASM.length);
		}
		expect((await get('/_app/immutable/workers/assets/esbuild-X.wasm')).headers['content-type']).toBe('application/wasm');
	});

	it('pages (extension-less) and the service worker are compressed too, and revalidated on every use', async () => {
		const page = await get('/tutorial/a', { 'accept-encoding': 'br' });
		expect(page.headers['content-encoding']).toBe('br');
		expect(page.headers['content-type']).toMatch(/text\/html/);
		expect(page.headers['cache-control']).toBe('no-cache');
		expect(brotliDecompressSync(page.body).toString()).toBe(HTML);
		const sw = await get('/service-worker.js', { 'accept-encoding': 'br' });
		expect(sw.headers['cache-control']).toBe('no-cache');
		// a revalidation is a 304 with no body
		const again = await get('/tutorial/a', { 'accept-encoding': 'br', 'if-none-match': String(page.headers.etag) });
		expect(again.status).toBe(304);
	});

	it('a range request gets the raw bytes (a range of the compressed file would be the wrong bytes)', async () => {
		const res = await get('/_app/immutable/workers/assets/esbuild-X.wasm', { 'accept-encoding': 'br', range: 'bytes=0-3' });
		expect(res.status).toBe(206);
		expect(res.headers['content-encoding']).toBeUndefined();
		expect([...res.body]).toEqual([0, 0x61, 0x73, 0x6d]);
	});

	it('--no-offline: the service worker is not found, so no browser installs the offline copy', async () => {
		const off = await startSite(root, { host: '127.0.0.1', port: 0, offline: false });
		try {
			expect((await get('/service-worker.js', {}, off.port)).status).toBe(404);
			expect((await get('/tutorial/a', {}, off.port)).status).toBe(200);
		} finally {
			await new Promise((ok) => off.server.close(ok));
		}
	});
	it('unknown paths are 404', async () => {
		expect((await get('/nope.js')).status).toBe(404);
	});
});

describe('start options', () => {
	it('binds this machine only by default, every interface with a bare --host', () => {
		expect(parseStartArgs([])).toEqual({ host: '127.0.0.1', port: 4173, offline: true });
		expect(parseStartArgs(['--host'])).toMatchObject({ host: '0.0.0.0' });
		expect(parseStartArgs(['--host', '--port', '8080'])).toMatchObject({ host: '0.0.0.0', port: 8080 });
		expect(parseStartArgs(['--host=192.168.1.5', '--no-offline'])).toEqual({ host: '192.168.1.5', port: 4173, offline: false });
		expect(() => parseStartArgs(['--port', 'x'])).toThrow(/port number/);
		expect(() => parseStartArgs(['--hots'])).toThrow(/unknown option/);
	});
	it('lists the LAN addresses to give learners, IPv4 first, without loopback or link-local', () => {
		const urls = lanUrls(4173, {
			lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '', mac: '', cidr: null }],
			wlan0: [
				{ address: 'fe80::1', family: 'IPv6', internal: false, netmask: '', mac: '', cidr: null, scopeid: 3 },
				{ address: '2001:db8::5', family: 'IPv6', internal: false, netmask: '', mac: '', cidr: null, scopeid: 0 },
				{ address: '192.168.1.5', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null }
			]
		});
		expect(urls).toEqual(['http://192.168.1.5:4173/', 'http://[2001:db8::5]:4173/']);
	});
	it('hashed files are immutable, everything else revalidated', () => {
		expect(cacheControlFor('/_app/immutable/chunks/a.js')).toMatch(/immutable/);
		for (const p of ['/', '/tutorial/a', '/tutorial/a/__data.json', '/service-worker.js', '/_app/version.json']) expect(cacheControlFor(p)).toBe('no-cache');
	});
});
