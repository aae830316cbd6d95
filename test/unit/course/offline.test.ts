import { describe, it, expect, vi } from 'vitest';
import { cacheName, eachLimited, precachePlan, registerWhenSettled, storable, watchForUpdates, workerAssets, REGISTER_AFTER_LOAD_MS, type SettleSignals } from '../../../src/lib/course/offline';

describe('precache plan', () => {
	it('puts pages, data, scripts and styles first and the worker bundles last, each once', () => {
		const plan = precachePlan({
			build: ['/_app/immutable/entry/start.js', '/_app/immutable/workers/ts.worker-A.js', '/_app/immutable/assets/0.css', '/_app/immutable/workers/compiler.worker-B.js'],
			files: ['/favicon.svg'],
			prerendered: ['/', '/tutorial/a/b', '/tutorial/a/b/__data.json', '/']
		});
		expect(plan.essentials).toEqual(['/', '/tutorial/a/b', '/tutorial/a/b/__data.json', '/_app/immutable/entry/start.js', '/_app/immutable/assets/0.css', '/favicon.svg']);
		expect(plan.heavy).toEqual(['/_app/immutable/workers/ts.worker-A.js', '/_app/immutable/workers/compiler.worker-B.js']);
	});

	it('finds the esbuild.wasm a worker bundle loads (Vite writes it relative to the bundle)', () => {
		const src = 'R=new URL(`assets/esbuild-BaXVPFT2.wasm`,import.meta.url).href;const x="a.js";';
		expect(workerAssets('http://127.0.0.1:4173/_app/immutable/workers/compiler.worker-D.js', src)).toEqual(['/_app/immutable/workers/assets/esbuild-BaXVPFT2.wasm']);
		expect(workerAssets('http://h/w/x.js', `fetch("/abs/y.wasm"); fetch('https://cdn.example/z.wasm')`)).toEqual(['/abs/y.wasm']);
		expect(workerAssets('http://h/w/x.js', 'no assets here')).toEqual([]);
	});

	it('names one cache per version', () => {
		expect(cacheName('123')).toBe('trace-tour-123');
		expect(cacheName('123')).not.toBe(cacheName('124'));
	});
});

describe('storable responses', () => {
	it('gives .wasm the application/wasm type a host forgot', async () => {
		const res = storable('/x/esbuild.wasm', new Response(new Uint8Array([0, 97, 115, 109]), { headers: { 'content-type': 'application/octet-stream', etag: 'e1' } }));
		expect(res.headers.get('content-type')).toBe('application/wasm');
		expect(res.headers.get('etag')).toBe('e1');
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
	});
	it('leaves other responses alone', () => {
		const original = new Response('x', { headers: { 'content-type': 'text/html' } });
		expect(storable('/tutorial/a/b', original)).toBe(original);
	});
});

describe('eachLimited', () => {
	it('runs everything with at most `limit` at a time', async () => {
		let running = 0;
		let most = 0;
		const done: number[] = [];
		await eachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
			running++;
			most = Math.max(most, running);
			await new Promise((r) => setTimeout(r, 5 + (n % 3)));
			done.push(n);
			running--;
		});
		expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(most).toBe(3);
	});
	it('rejects when a task fails', async () => {
		await expect(eachLimited([1, 2], 2, async (n) => { if (n === 2) throw new Error('boom'); })).rejects.toThrow('boom');
	});
});

// ---- the update flow, against fakes of navigator.serviceWorker ----

class FakeWorker extends EventTarget {
	state: ServiceWorkerState = 'installing';
	posted: unknown[] = [];
	postMessage(m: unknown) {
		this.posted.push(m);
	}
	set(state: ServiceWorkerState) {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget {
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	active: FakeWorker | null = null;
	updates = 0;
	async update() {
		this.updates++;
	}
	/** a new version's worker starts installing */
	found(): FakeWorker {
		const w = new FakeWorker();
		this.installing = w;
		this.dispatchEvent(new Event('updatefound'));
		return w;
	}
}

class FakeContainer extends EventTarget {
	controller: FakeWorker | null;
	ready: Promise<FakeRegistration>;
	constructor(
		readonly registration: FakeRegistration,
		controller: FakeWorker | null
	) {
		super();
		this.controller = controller;
		this.ready = Promise.resolve(registration);
	}
	/** the worker takes control of the page */
	control(w: FakeWorker) {
		this.controller = w;
		this.dispatchEvent(new Event('controllerchange'));
	}
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(opts: { controlled: boolean }) {
	const reg = new FakeRegistration();
	const current = new FakeWorker();
	current.state = 'activated';
	reg.active = current;
	const container = new FakeContainer(reg, opts.controlled ? current : null);
	const onUpdate = vi.fn();
	const reload = vi.fn();
	const watcher = watchForUpdates(container as unknown as ServiceWorkerContainer, { onUpdate, reload }, 0);
	return { reg, container, onUpdate, reload, watcher };
}

describe('watchForUpdates', () => {
	it('a first install is not an update: no banner, no reload when the new worker claims the page', async () => {
		const { reg, container, onUpdate, reload } = setup({ controlled: false });
		await tick();
		const w = reg.found();
		w.set('installed'); // no controller yet: this is the first version, not a new one
		w.set('activated');
		container.control(w);
		expect(onUpdate).not.toHaveBeenCalled();
		expect(reload).not.toHaveBeenCalled();
	});

	it('a new version that finished installing is announced, and nothing happens until Reload', async () => {
		const { reg, container, onUpdate, reload, watcher } = setup({ controlled: true });
		await tick();
		const next = reg.found();
		expect(onUpdate).not.toHaveBeenCalled(); // still installing (precaching)
		next.set('installed');
		expect(onUpdate).toHaveBeenCalledTimes(1);
		expect(next.posted).toEqual([]); // waits: the page is not switched mid-lesson
		expect(reload).not.toHaveBeenCalled();

		watcher.applyUpdate();
		expect(next.posted).toEqual([{ type: 'skip-waiting' }]);
		expect(reload).not.toHaveBeenCalled(); // not before the new worker controls the page
		next.set('activated');
		container.control(next);
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('a version already waiting when the page opens is announced', async () => {
		const reg = new FakeRegistration();
		const current = new FakeWorker();
		current.state = 'activated';
		const waiting = new FakeWorker();
		waiting.state = 'installed';
		reg.active = current;
		reg.waiting = waiting;
		const container = new FakeContainer(reg, current);
		const onUpdate = vi.fn();
		const w = watchForUpdates(container as unknown as ServiceWorkerContainer, { onUpdate, reload: vi.fn() }, 0);
		await tick();
		expect(onUpdate).toHaveBeenCalledTimes(1);
		w.applyUpdate();
		expect(waiting.posted).toEqual([{ type: 'skip-waiting' }]);
	});

	it('another tab applying the update is announced here, never acted on', async () => {
		const { reg, container, onUpdate, reload, watcher } = setup({ controlled: true });
		await tick();
		const next = reg.found();
		next.set('installed');
		next.set('activated'); // another tab pressed Reload
		container.control(next);
		expect(reload).not.toHaveBeenCalled();
		expect(onUpdate).toHaveBeenCalledTimes(2);
		watcher.applyUpdate(); // the new version is already active: just reload
		expect(next.posted).toEqual([]);
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('stop() detaches: later events do nothing', async () => {
		const { reg, onUpdate, watcher } = setup({ controlled: true });
		await tick();
		watcher.stop();
		reg.found().set('installed');
		expect(onUpdate).not.toHaveBeenCalled();
	});

	it('looks for a new version periodically', async () => {
		vi.useFakeTimers();
		try {
			const reg = new FakeRegistration();
			const container = new FakeContainer(reg, null);
			const w = watchForUpdates(container as unknown as ServiceWorkerContainer, { onUpdate: vi.fn(), reload: vi.fn() }, 1000);
			await vi.advanceTimersByTimeAsync(3500);
			expect(reg.updates).toBe(3);
			w.stop();
			await vi.advanceTimersByTimeAsync(3000);
			expect(reg.updates).toBe(3);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('registerWhenSettled', () => {
	/** Signals that log what was waited for, in order; each resolves at once. */
	function signals(log: string[]): SettleSignals {
		return {
			loaded: Promise.resolve().then(() => void log.push('load')),
			delay: async (ms) => void log.push(`delay ${ms}`),
			idle: async () => void log.push('idle')
		};
	}
	const container = (controller: object | null, register = vi.fn(async () => ({}) as ServiceWorkerRegistration)) =>
		({ controller, register }) as unknown as ServiceWorkerContainer & { register: typeof register };

	it('a first visit waits for load, a quiet spell and an idle moment, then registers', async () => {
		const log: string[] = [];
		const c = container(null);
		c.register.mockImplementation(async () => (log.push('register'), {} as ServiceWorkerRegistration));
		await registerWhenSettled(c, '/service-worker.js', signals(log), { type: 'classic' });
		expect(log).toEqual(['load', `delay ${REGISTER_AFTER_LOAD_MS}`, 'idle', 'register']);
		expect(c.register).toHaveBeenCalledWith('/service-worker.js', { type: 'classic' });
	});
	it('a page already controlled registers at load (the browser\'s update check)', async () => {
		const log: string[] = [];
		const c = container({ state: 'activated' });
		await registerWhenSettled(c, '/sw.js', signals(log));
		expect(log).toEqual(['load']);
		expect(c.register).toHaveBeenCalledOnce();
	});
	it('a refused registration (private mode, blocked storage) resolves to null', async () => {
		const c = container(null, vi.fn(async () => Promise.reject(new Error('SecurityError'))));
		expect(await registerWhenSettled(c, '/sw.js', signals([]))).toBeNull();
	});
});
