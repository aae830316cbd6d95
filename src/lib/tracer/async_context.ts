// Carries the active scope across asynchronous boundaries by patching the scheduling primitives of a
// realm (one worker = one realm): each callback is wrapped so that it runs with the scope that was
// active when it was *scheduled*, and the previous scope is put back afterwards.
//
// Why these five:
// - Promise.prototype.then: `.then/.catch/.finally` chains, and `await` once esbuild lowers it to
//   generators (target es2016) — lowered await calls `Promise.resolve(x).then(next)`. Native await
//   (es2017+) bypasses `then`, so learner code must be compiled to es2016.
// - the Promise constructor: an async function runs synchronously until its first await inside
//   `new Promise(executor)`. Without restoring the scope after the executor, a scope activated before
//   the first await would leak into the caller and into the next concurrent call (two concurrent
//   handlers would see each other's span). Statics (resolve, all …) stay the native ones.
// - setTimeout, setInterval, queueMicrotask: timers and explicit microtasks.
import { contextSlot } from './context_slot';
import type { Scope } from './scope';

type AnyFn = (...args: unknown[]) => unknown;

interface PatchableGlobal {
	Promise: PromiseConstructor;
	setTimeout: AnyFn;
	setInterval: AnyFn;
	queueMicrotask?: (cb: () => void) => void;
}

const INSTALLED = Symbol.for('trace-tour.asyncContext');

function bind<F extends AnyFn>(fn: F, scope: Scope | null, carried: unknown): F {
	return function (this: unknown, ...args: unknown[]) {
		const saved = contextSlot.current;
		const savedCarried = contextSlot.carried;
		contextSlot.current = scope;
		contextSlot.carried = carried;
		try {
			return fn.apply(this, args);
		} finally {
			contextSlot.current = saved;
			contextSlot.carried = savedCarried;
		}
	} as F;
}

/**
 * Patches `target` (normally `globalThis` of a fresh worker) and returns a function that undoes the
 * patch. Calling it twice on the same realm is a no-op (the second call returns a no-op uninstall).
 */
export function installAsyncContext(target: typeof globalThis | PatchableGlobal = globalThis): () => void {
	const g = target as PatchableGlobal & { [INSTALLED]?: boolean };
	if (g[INSTALLED]) return () => {};
	g[INSTALLED] = true;

	const NativePromise = g.Promise;
	const proto = NativePromise.prototype;
	const nativeThen = proto.then;
	const { setTimeout: nativeSetTimeout, setInterval: nativeSetInterval, queueMicrotask: nativeQueueMicrotask } = g;

	proto.then = function then(this: Promise<unknown>, onFulfilled?: unknown, onRejected?: unknown) {
		const { current: scope, carried } = contextSlot;
		return nativeThen.call(
			this,
			(typeof onFulfilled === 'function' ? bind(onFulfilled as AnyFn, scope, carried) : onFulfilled) as never,
			(typeof onRejected === 'function' ? bind(onRejected as AnyFn, scope, carried) : onRejected) as never
		);
	} as typeof proto.then;

	// A constructor function sharing the native prototype: `instanceof Promise`, `.then` species and
	// every static keep their native behaviour; only `new Promise(executor)` is wrapped.
	const ContextPromise: PromiseConstructor = function Promise(this: unknown, executor: AnyFn): unknown {
		if (!new.target) return NativePromise.call(this, executor as never); // throws like native
		const wrapped =
			typeof executor === 'function'
				? function (this: unknown, resolve: unknown, reject: unknown) {
						const saved = contextSlot.current;
						const savedCarried = contextSlot.carried;
						try {
							return executor.call(this, resolve, reject);
						} finally {
							contextSlot.current = saved;
							contextSlot.carried = savedCarried;
						}
					}
				: executor;
		return Reflect.construct(NativePromise, [wrapped], (new.target as unknown) === ContextPromise ? NativePromise : new.target);
	} as unknown as PromiseConstructor;
	Object.setPrototypeOf(ContextPromise, NativePromise);
	Object.defineProperty(ContextPromise, 'prototype', { value: proto });
	// Statics run on the native constructor so `Promise.resolve(nativePromise)` returns it as is
	// (no extra tick) — esbuild's lowered await calls Promise.resolve on every step.
	for (const key of Object.getOwnPropertyNames(NativePromise)) {
		const v = (NativePromise as unknown as Record<string, unknown>)[key];
		if (typeof v === 'function' && key !== 'prototype')
			Object.defineProperty(ContextPromise, key, { value: (v as AnyFn).bind(NativePromise), configurable: true, writable: true });
	}
	g.Promise = ContextPromise;

	g.setTimeout = function setTimeout(cb: unknown, ...rest: unknown[]) {
		return nativeSetTimeout.call(g, typeof cb === 'function' ? bind(cb as AnyFn, contextSlot.current, contextSlot.carried) : cb, ...rest);
	};
	g.setInterval = function setInterval(cb: unknown, ...rest: unknown[]) {
		return nativeSetInterval.call(g, typeof cb === 'function' ? bind(cb as AnyFn, contextSlot.current, contextSlot.carried) : cb, ...rest);
	};
	if (nativeQueueMicrotask) {
		g.queueMicrotask = function queueMicrotask(cb: () => void) {
			return nativeQueueMicrotask.call(g, typeof cb === 'function' ? bind(cb, contextSlot.current, contextSlot.carried) : cb);
		};
	}

	return function uninstall() {
		proto.then = nativeThen;
		g.Promise = NativePromise;
		g.setTimeout = nativeSetTimeout;
		g.setInterval = nativeSetInterval;
		if (nativeQueueMicrotask) g.queueMicrotask = nativeQueueMicrotask;
		delete g[INSTALLED];
	};
}
