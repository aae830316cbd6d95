// `using scope = tracer.activateSpan(span)` needs Symbol.dispose. Where the runtime lacks it we define
// it as Symbol.for('Symbol.dispose') — the same fallback esbuild's lowered `using` helper looks up —
// so compiled learner code and our Scope agree on the symbol.
const S = Symbol as unknown as { dispose?: symbol };
if (typeof S.dispose !== 'symbol') {
	Object.defineProperty(Symbol, 'dispose', { value: Symbol.for('Symbol.dispose'), configurable: true });
}

export {};
