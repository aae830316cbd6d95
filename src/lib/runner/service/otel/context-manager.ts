// The OpenTelemetry API's ContextManager for a service: the active Context lives in the tracer's
// `carried` cell, which the async-context patch (installAsyncContext) saves when a callback is
// scheduled and restores when it runs. So an OTel context survives lowered `await`, `.then`, timers
// and queueMicrotask exactly as our tracer's scopes do — the same machinery, not a second one
// (zone.js or AsyncLocalStorage are not available in a worker and would need the lowering anyway).
import { ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';
import { carriedContext } from '$lib/tracer';

export class CarriedContextManager implements ContextManager {
	active(): Context {
		return (carriedContext.get() as Context | undefined) ?? ROOT_CONTEXT;
	}

	with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(context: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
		const saved = carriedContext.get();
		carriedContext.set(context);
		try {
			return fn.call(thisArg as ThisParameterType<F>, ...args);
		} finally {
			carriedContext.set(saved);
		}
	}

	bind<T>(context: Context, target: T): T {
		if (typeof target !== 'function') return target;
		// eslint-disable-next-line @typescript-eslint/no-this-alias
		const manager = this;
		const fn = target as unknown as (...a: unknown[]) => unknown;
		return function (this: unknown, ...args: unknown[]) {
			return manager.with(context, () => fn.apply(this, args));
		} as unknown as T;
	}

	enable(): this {
		return this;
	}

	disable(): this {
		carriedContext.set(undefined);
		return this;
	}
}
