// Remembered choices (language, theme) in localStorage. Reading never throws: storage may be off.
import type { Locale } from './types';
import { isLocale } from './i18n';

export type Theme = 'system' | 'light' | 'dark';
const LOCALE_KEY = 'trace-tour:locale';
const THEME_KEY = 'trace-tour:theme';

function get(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}
function set(key: string, value: string | null) {
	try {
		if (value === null) localStorage.removeItem(key);
		else localStorage.setItem(key, value);
	} catch {
		/* storage off: the choice lasts for this page only */
	}
}

export function chosenLocale(): Locale | null {
	const v = get(LOCALE_KEY);
	return isLocale(v) ? v : null;
}
export function chooseLocale(locale: Locale) {
	set(LOCALE_KEY, locale);
}

export function chosenTheme(): Theme {
	const v = get(THEME_KEY);
	return v === 'light' || v === 'dark' ? v : 'system';
}
export function chooseTheme(theme: Theme) {
	set(THEME_KEY, theme === 'system' ? null : theme);
	if (theme === 'system') delete document.documentElement.dataset.theme;
	else document.documentElement.dataset.theme = theme;
}

/** "Also send my spans to…": on or off, and the OTLP/HTTP endpoint (kept even while off). */
export interface SpanExportChoice {
	enabled: boolean;
	endpoint: string;
}
const EXPORT_KEY = 'trace-tour:span-export';

export function chosenSpanExport(defaultEndpoint: string): SpanExportChoice {
	try {
		const v = JSON.parse(get(EXPORT_KEY) ?? 'null') as Partial<SpanExportChoice> | null;
		if (v && typeof v === 'object') return { enabled: v.enabled === true, endpoint: typeof v.endpoint === 'string' && v.endpoint ? v.endpoint.slice(0, 2000) : defaultEndpoint };
	} catch {
		/* unreadable: the defaults */
	}
	return { enabled: false, endpoint: defaultEndpoint };
}
export function chooseSpanExport(choice: SpanExportChoice) {
	set(EXPORT_KEY, JSON.stringify(choice));
}
