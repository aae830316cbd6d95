// Offline use and the "new version" banner. Two halves:
//  - pure helpers the service worker (src/service-worker.ts) imports: what to precache and in which
//    order, which extra files a worker bundle needs (esbuild.wasm), how to store a response;
//  - the page's side: watching the registration and announcing a new version without forcing it.
//
// Registration is ours (kit.serviceWorker.register is off): `registerWhenSettled` waits, on a first
// visit, until the page's first Run has ended (or a minute has passed with the compiler's download
// and any run finished), then a second and an idle moment. The precache is ~25 MB raw and 2–5 s of
// work; started at `load` it took a core from the learner's first seconds (the editor loading, a
// first Run, a trace file opened on /traces took half again as long), and in a workshop room,
// where thirty browsers share one link, its bytes delayed everyone's first Run. A learner who stays
// a minute still gets the offline copy. Once a worker controls the page, registering again is only
// the browser's update check, so it happens at `load`.
//
// A workshop host can turn the offline copy off: `?offline=0` on any page (remembered in this
// browser; `?offline=1` undoes it), or `npm start -- --no-offline` (the server then has no
// service-worker.js, so registering fails quietly). A browser that already has the offline copy
// keeps it (and its caches); turning it off only stops new installs and update checks from the page.
//
// Update flow: a new build has a new `version`, so the browser sees new service-worker bytes (on a
// navigation, or our hourly `update()`), installs the new worker beside the old one and leaves it
// `waiting`: nothing changes under a learner mid-lesson. The page sees the waiting worker and shows
// the banner. "Reload" posts {type: 'skip-waiting'} to it; it activates, claims the page
// (`controllerchange`) and the page reloads into the new version. A controller change the page did
// not ask for (another tab pressed Reload) is announced too, never acted on.

/** Cache names: one per build, `trace-tour-<version>`; activation deletes the others. */
export const CACHE_PREFIX = 'trace-tour-';
export const cacheName = (version: string) => `${CACHE_PREFIX}${version}`;

/** Messages the page sends the service worker. */
export type ToWorker = { type: 'skip-waiting' };

export interface PrecachePlan {
	/** pages, their data, scripts and styles: what the course needs to open and read */
	essentials: string[];
	/** worker bundles (Monaco's TypeScript worker alone is ~7 MB), fetched after the essentials */
	heavy: string[];
	/** WebAssembly (esbuild.wasm, 14 MB), fetched last: a reader cut off mid-install needs it least */
	binaries: string[];
}

/** Content-hashed files: a URL never changes meaning, so a new version may reuse the old copy (once its bytes match the new list: VerifiedCache). */
export const isImmutable = (path: string) => /\/_app\/immutable\//.test(path);
const isWorkerBundle = (path: string) => /\/_app\/immutable\/workers\/[^/]+\.js$/.test(path);

/**
 * What to precache, in order: `$service-worker`'s lists, deduplicated. Essentials first, so a
 * learner cut off mid-install still has the pages; worker bundles, then WebAssembly last (the page's
 * esbuild.wasm is in the build list; `workerAssets` adds any a worker bundle loads by itself, which
 * is in none of SvelteKit's lists).
 */
export function precachePlan(lists: { build: string[]; files: string[]; prerendered: string[] }): PrecachePlan {
	const seen = new Set<string>();
	const essentials: string[] = [];
	const heavy: string[] = [];
	const binaries: string[] = [];
	for (const path of [...lists.prerendered, ...lists.build, ...lists.files]) {
		if (seen.has(path)) continue;
		seen.add(path);
		(isWorkerBundle(path) ? heavy : path.endsWith('.wasm') ? binaries : essentials).push(path);
	}
	return { essentials, heavy, binaries };
}

/**
 * The files a worker bundle fetches by URL: Vite writes `new URL(`assets/esbuild-….wasm`,
 * import.meta.url)`, relative to the bundle. Returns absolute paths on the bundle's origin.
 */
export function workerAssets(bundleUrl: string, source: string): string[] {
	const found = new Set<string>();
	for (const m of source.matchAll(/["'`]([^"'`\s]+\.wasm)["'`]/g)) {
		const url = new URL(m[1], bundleUrl);
		if (url.origin === new URL(bundleUrl).origin) found.add(url.pathname);
	}
	return [...found];
}

export const MIME_BY_EXTENSION: Record<string, string> = { '.wasm': 'application/wasm' };

/**
 * A response fit to store and to answer any request with later: the right Content-Type for .wasm
 * (hosts that don't know it send octet-stream, and `instantiateStreaming` refuses that), and no
 * "redirected" flag (a redirected response cannot answer a navigation).
 */
export function storable(path: string, res: Response): Response {
	const ext = path.match(/\.[a-z0-9]+$/i)?.[0].toLowerCase() ?? '';
	const mime = MIME_BY_EXTENSION[ext];
	if (!res.redirected && (!mime || res.headers.get('content-type') === mime)) return res;
	const headers = new Headers(res.headers);
	if (mime) headers.set('content-type', mime);
	return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/** Runs `task` over `items` with at most `limit` at a time; rejects with the first failure. */
export async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) await task(items[next++]);
	});
	await Promise.all(lanes);
}

// ---- the page's side -------------------------------------------------------------------------

export interface UpdateCallbacks {
	/** a new version is installed and waiting (or another tab already switched to it) */
	onUpdate(): void;
	/** how to reload the page; `location.reload()` in the browser */
	reload(): void;
}

export interface UpdateWatcher {
	/** the banner's button: activate the waiting version, then reload into it */
	applyUpdate(): void;
	stop(): void;
}

export const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** First visit: how long after the first Run ends the offline copy starts installing (then at the next idle moment). */
export const REGISTER_AFTER_RUN_MS = 1000;
/** First visit without a Run: how long after `load` the offline copy starts anyway (once the compiler's download is done). */
export const REGISTER_WITHOUT_RUN_MS = 60_000;

export interface SettleSignals {
	/** resolves at window `load` */
	loaded: Promise<void>;
	/** resolves when the page's first run has ended */
	firstRun: Promise<void>;
	/** resolves when no foreground work (the compiler's download, a run) is going on */
	quiet: () => Promise<void>;
	delay: (ms: number) => Promise<void>;
	/** resolves at an idle moment (requestIdleCallback, with a timeout) */
	idle: () => Promise<void>;
}

/**
 * Registers the service worker: at `load` when one already controls the page; on a first visit
 * once the first Run has ended (or REGISTER_WITHOUT_RUN_MS after load, and never during the
 * compiler's download or a run); never when the offline copy is turned off (`offline` false).
 */
export async function registerWhenSettled(container: ServiceWorkerContainer, url: string, signals: SettleSignals, options?: RegistrationOptions, offline = true): Promise<ServiceWorkerRegistration | null> {
	if (!offline) return null;
	await signals.loaded;
	if (!container.controller) {
		await Promise.race([signals.firstRun, signals.delay(REGISTER_WITHOUT_RUN_MS)]);
		await signals.quiet();
		await signals.delay(REGISTER_AFTER_RUN_MS);
		await signals.idle();
	}
	return container.register(url, options).catch(() => null); // private mode, blocked storage, --no-offline: the course still works online
}

/** The browser's signals for registerWhenSettled, with the page's foreground work (the runner's `foreground`). */
export function browserSettleSignals(foreground: { firstRunEnded: Promise<void>; quiet(): Promise<void> }): SettleSignals {
	return {
		loaded: document.readyState === 'complete' ? Promise.resolve() : new Promise((ok) => addEventListener('load', () => ok(), { once: true })),
		firstRun: foreground.firstRunEnded,
		quiet: () => foreground.quiet(),
		delay: (ms) => new Promise((ok) => setTimeout(ok, ms)),
		idle: () => new Promise((ok) => ('requestIdleCallback' in window ? requestIdleCallback(() => ok(), { timeout: 2000 }) : setTimeout(ok, 0)))
	};
}

export const OFFLINE_SETTING_KEY = 'trace-tour:offline';

/**
 * Whether this browser should install the offline copy. `?offline=0` (or `off`, `false`, `no`)
 * turns it off and remembers that; `?offline=1` turns it back on; otherwise what was remembered,
 * on by default. Storage that throws (blocked) only loses the remembering.
 */
export function offlineWanted(search: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null): boolean {
	const asked = new URLSearchParams(search).get('offline');
	const attempt = (f: () => void) => {
		try {
			f();
		} catch {
			/* storage blocked: the choice holds for this page only */
		}
	};
	if (asked !== null) {
		const on = !/^(0|off|false|no)$/i.test(asked.trim());
		attempt(() => (on ? storage?.removeItem(OFFLINE_SETTING_KEY) : storage?.setItem(OFFLINE_SETTING_KEY, 'off')));
		return on;
	}
	let remembered: string | null = null;
	attempt(() => (remembered = storage?.getItem(OFFLINE_SETTING_KEY) ?? null));
	return remembered !== 'off';
}

/**
 * Watches `container` (navigator.serviceWorker) for a new version. Never reloads on its own: only
 * after `applyUpdate()`. The first install (no controller before) is not an update.
 */
export function watchForUpdates(container: ServiceWorkerContainer, callbacks: UpdateCallbacks, checkEveryMs = UPDATE_CHECK_MS): UpdateWatcher {
	let stopped = false;
	let asked = false;
	let waiting: ServiceWorker | null = null;
	let hadController = !!container.controller;
	let timer: ReturnType<typeof setInterval> | undefined;
	const cleanups: (() => void)[] = [];
	const on = (target: EventTarget, type: string, fn: () => void) => {
		target.addEventListener(type, fn);
		cleanups.push(() => target.removeEventListener(type, fn));
	};

	const announce = (worker: ServiceWorker | null) => {
		if (stopped) return;
		if (worker) waiting = worker;
		callbacks.onUpdate();
	};
	const track = (worker: ServiceWorker | null) => {
		if (!worker) return;
		const check = () => {
			// "installed" with a controller already in place = waiting to take over
			if (worker.state === 'installed' && container.controller) announce(worker);
		};
		on(worker, 'statechange', check);
		check();
	};

	on(container, 'controllerchange', () => {
		if (stopped) return;
		if (asked) callbacks.reload();
		else if (hadController) announce(null); // another tab applied the update: this page runs old code
		hadController = true;
	});

	container.ready.then((registration) => {
		if (stopped) return;
		track(registration.waiting);
		track(registration.installing);
		on(registration, 'updatefound', () => track(registration.installing));
		// a learner may keep one tab open all day: look for a new version now and then
		if (checkEveryMs > 0) timer = setInterval(() => registration.update().catch(() => {}), checkEveryMs);
	}, () => {});

	return {
		applyUpdate() {
			asked = true;
			if (waiting && waiting.state !== 'redundant' && waiting.state !== 'activated') {
				waiting.postMessage({ type: 'skip-waiting' } satisfies ToWorker);
			} else {
				callbacks.reload(); // already active (another tab did it), or nothing to wait for
			}
		},
		stop() {
			stopped = true;
			if (timer) clearInterval(timer);
			for (const c of cleanups) c();
		}
	};
}
