// When Monaco's TypeScript worker (IntelliSense: completions, hovers, red squiggles) may start. It is
// 6.9 MB raw, 1 MB compressed, and a core's worth of parsing; fetched with the page it competed with
// the compiler for a shared link (a workshop room) and delayed the first Run. So it waits for the
// learner's first edit (Editor.svelte) or the page's first Run (the root layout), whichever is first.
// Until then Monaco's TypeScript features wait too (monaco.ts hands out the worker behind this).

let allow!: () => void;
let allowed = false;

/** Resolves once the language service may start. */
export const languageServiceAllowed: Promise<void> = new Promise((ok) => (allow = ok));

/** Lets the TypeScript worker start (idempotent). */
export function startLanguageService(): void {
	allowed = true;
	allow();
}

export const languageServiceStarted = () => allowed;
