import { describe, it, expect, vi } from 'vitest';
import { cacheName, eachLimited, offlineWanted, precachePlan, registerWhenSettled, storable, watchForUpdates, workerAssets, OFFLINE_SETTING_KEY, REGISTER_AFTER_RUN_MS, REGISTER_WITHOUT_RUN_MS, type SettleSignals } from '../../../src/lib/course/offline';
import { Foreground } from '../../../src/lib/runner/first-run';

describe('precache plan', () => {
	it('puts pages, data, scripts and styles first, the worker bundles then, wasm last, each once', () => {
		const plan = precachePlan({
			build: ['/_app/immutable/entry/start.js', '/_app/immutable/workers/ts.worker-A.js', '/_app/immutable/assets/esbuild-C.wasm', '/_app/immutable/assets/0.css', '/_app/immutable/workers/compiler.worker-B.js'],
			files: ['/favicon.svg'],
			prerendered: ['/', '/tutorial/a/b', '/tutorial/a/b/__data.json', '/']
		});
		expect(plan.essentials).toEqual(['/', '/tutorial/a/b', '/tutorial/a/b/__data.json', '/_app/immutable/entry/start.js', '/_app/immutable/assets/0.css', '/favicon.svg']);
		expect(plan.heavy).toEqual(['/_app/immutable/workers/ts.worker-A.js', '/_app/immutable/workers/compiler.worker-B.js']);
		expect(plan.binaries).toEqual(['/_app/immutable/assets/esbuild-C.wasm']);
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
	/** A promise the test resolves by name, logging when it does. */
	function deferred(log: string[], name: string) {
		let resolve!: () => void;
		const promise = new Promise<void>((ok) => (resolve = () => (log.push(name), ok())));
		return { promise, resolve };
	}
	/** Signals the test drives: load, the first run and delays resolve when told; idle at once. */
	function signals(log: string[], foreground = new Foreground()) {
		const loaded = deferred(log, 'load');
		const delays = new Map<number, ReturnType<typeof deferred>>();
		const s: SettleSignals = {
			loaded: loaded.promise,
			firstRun: foreground.firstRunEnded.then(() => void log.push('first run ended')),
			quiet: () => foreground.quiet().then(() => void log.push('quiet')),
			delay: (ms) => {
				const d = deferred(log, `delay ${ms}`);
				delays.set(ms, d);
				return d.promise;
			},
			idle: async () => void log.push('idle')
		};
		return { s, loaded, foreground, elapse: (ms: number) => delays.get(ms)!.resolve() };
	}
	const container = (controller: object | null, log: string[] = [], register = vi.fn(async () => (log.push('register'), {}) as ServiceWorkerRegistration)) =>
		({ controller, register }) as unknown as ServiceWorkerContainer & { register: typeof register };
	const settle = () => new Promise((r) => setTimeout(r, 0));

	it('a first visit registers only after the first Run has ended, never during it', async () => {
		const log: string[] = [];
		const c = container(null, log);
		const { s, loaded, foreground, elapse } = signals(log);
		const registered = registerWhenSettled(c, '/service-worker.js', s, { type: 'classic' });
		loaded.resolve();
		await settle();
		const download = foreground.begin(); // the compiler's download
		download();
		const run = foreground.begin(); // the learner presses Run
		await settle();
		expect(c.register).not.toHaveBeenCalled();
		foreground.runEnded();
		run();
		await settle();
		expect(c.register).not.toHaveBeenCalled(); // a moment for the checks and the trace to show
		elapse(REGISTER_AFTER_RUN_MS);
		await registered;
		expect(log).toEqual(['load', 'first run ended', 'quiet', `delay ${REGISTER_AFTER_RUN_MS}`, 'idle', 'register']);
		expect(c.register).toHaveBeenCalledWith('/service-worker.js', { type: 'classic' });
	});

	it('a learner who stays a minute without running gets the offline copy, once the compiler has downloaded', async () => {
		const log: string[] = [];
		const c = container(null, log);
		const { s, loaded, foreground, elapse } = signals(log);
		const download = foreground.begin(); // still downloading on a slow link
		const registered = registerWhenSettled(c, '/sw.js', s);
		loaded.resolve();
		await settle();
		elapse(REGISTER_WITHOUT_RUN_MS);
		await settle();
		expect(c.register).not.toHaveBeenCalled();
		download();
		await settle();
		elapse(REGISTER_AFTER_RUN_MS);
		await registered;
		expect(log).toEqual(['load', `delay ${REGISTER_WITHOUT_RUN_MS}`, 'quiet', `delay ${REGISTER_AFTER_RUN_MS}`, 'idle', 'register']);
	});

	it("a page already controlled registers at load (the browser's update check)", async () => {
		const log: string[] = [];
		const c = container({ state: 'activated' }, log);
		const { s, loaded } = signals(log);
		loaded.resolve();
		await registerWhenSettled(c, '/sw.js', s);
		expect(log).toEqual(['load', 'register']);
	});

	it('turned off by the host: never registers', async () => {
		const c = container(null);
		const { s, loaded, foreground } = signals([]);
		loaded.resolve();
		foreground.runEnded();
		expect(await registerWhenSettled(c, '/sw.js', s, undefined, false)).toBeNull();
		expect(c.register).not.toHaveBeenCalled();
	});

	it('a refused registration (private mode, blocked storage, npm start --no-offline) resolves to null', async () => {
		const c = container({}, [], vi.fn(async () => Promise.reject(new Error('SecurityError'))));
		const { s, loaded } = signals([]);
		loaded.resolve();
		expect(await registerWhenSettled(c, '/sw.js', s)).toBeNull();
	});
});

describe('offlineWanted (a host turning the offline copy off)', () => {
	const memory = () => {
		const m = new Map<string, string>();
		return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
	};
	it('on by default; ?offline=0 turns it off and is remembered; ?offline=1 turns it back on', () => {
		const storage = memory();
		expect(offlineWanted('', storage)).toBe(true);
		expect(offlineWanted('?offline=0', storage)).toBe(false);
		expect(storage.m.get(OFFLINE_SETTING_KEY)).toBe('off');
		expect(offlineWanted('?step=2', storage)).toBe(false);
		expect(offlineWanted('?offline=off', storage)).toBe(false);
		expect(offlineWanted('?offline=1', storage)).toBe(true);
		expect(offlineWanted('', storage)).toBe(true);
	});
	it('blocked storage: the choice holds for this page only', () => {
		const throwing = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); }, removeItem: () => { throw new Error('blocked'); } };
		expect(offlineWanted('?offline=0', throwing)).toBe(false);
		expect(offlineWanted('', throwing)).toBe(true);
		expect(offlineWanted('?offline=no', null)).toBe(false);
	});
});

describe('Foreground (what the page\'s extras wait for)', () => {
	it('quiet resolves when every piece of work has ended, each end counted once', async () => {
		const f = new Foreground();
		await f.quiet(); // nothing going on
		const a = f.begin();
		const b = f.begin();
		let quiet = false;
		void f.quiet().then(() => (quiet = true));
		a();
		a(); // twice: still one end
		await Promise.resolve();
		expect(quiet).toBe(false);
		b();
		await Promise.resolve();
		expect(quiet).toBe(true);
	});
	it('firstRunEnded opens at the first run\'s end and stays open', async () => {
		const f = new Foreground();
		let ended = false;
		void f.firstRunEnded.then(() => (ended = true));
		await Promise.resolve();
		expect(ended || f.hasRun).toBe(false);
		f.runEnded();
		await f.firstRunEnded;
		expect(ended && f.hasRun).toBe(true);
	});
});
