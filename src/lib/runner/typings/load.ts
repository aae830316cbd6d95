// Browser: the runtime modules' typings for the editor, as a lazy chunk (never in a page's first load).
export function loadRuntimeTypings(): Promise<Record<string, string>> {
	return import('virtual:runtime-typings').then((m) => m.default);
}
