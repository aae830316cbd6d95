// The active span per execution context (Java's ScopeManager, Python's scope_manager).
// It survives await/timers/promise chains only once installAsyncContext() has been called.
import { contextSlot } from './context_slot';
import { liveScope, Scope } from './scope';
import type { Span } from 'opentracing';

export class ScopeManager {
	/** Makes `span` active until the returned scope is closed or disposed. */
	activate(span: Span, finishSpanOnClose = false): Scope {
		const scope = new Scope(span, liveScope(contextSlot.current), finishSpanOnClose);
		contextSlot.current = scope;
		return scope;
	}

	active(): Scope | null {
		const s = contextSlot.current;
		return s === null || !s.closed ? s : liveScope(s);
	}

	activeSpan(): Span | null {
		const s = this.active();
		return s === null ? null : s.span();
	}
}
