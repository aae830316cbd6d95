// A Scope is one activation of a span; closing it makes the previous activation current again.
// Works both as `using scope = …` (Symbol.dispose) and with an explicit `scope.close()`.
import { contextSlot } from './context_slot';
// defines Symbol.dispose where the runtime lacks it, before the class below uses it as a key
import './dispose_symbol';
import type { Span } from 'opentracing';

export class Scope {
	closed = false;

	constructor(
		private readonly activeSpan: Span,
		/** the scope that was current when this one was activated */
		readonly previous: Scope | null,
		private readonly finishOnClose: boolean
	) {}

	span(): Span {
		return this.activeSpan;
	}

	close(): void {
		if (this.closed) return;
		this.closed = true;
		// Closing out of order only marks the scope; active() skips closed scopes, so the current
		// scope stays correct without throwing on learner mistakes.
		if (contextSlot.current === this) contextSlot.current = this.previous;
		if (this.finishOnClose) this.activeSpan.finish();
	}

	// typed as the standard Symbol.dispose, so `using scope = tracer.activateSpan(span)` type-checks
	[Symbol.dispose](): void {
		this.close();
	}
}

export function liveScope(scope: Scope | null): Scope | null {
	while (scope !== null && scope.closed) scope = scope.previous;
	return scope;
}
