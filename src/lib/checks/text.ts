// Labels and hints in both languages. A check.ts writes text('English', '中文'); the Checks region
// shows the page's language and falls back to English where a translation is missing.
import type { CheckText, Localized } from './types';

export type TextLocale = keyof Localized;

/** A label or hint in English and Simplified Chinese. */
export function text(en: string, zhCN: string): Localized {
	return { en, 'zh-CN': zhCN };
}

/** What to show in `locale`: its translation, else the English, else the plain string as it is. */
export function localize(t: CheckText, locale: TextLocale): string {
	return typeof t === 'string' ? t : t[locale] || t.en;
}

/** The same change in every language (a prefix, a suffix); a plain string stays plain. */
export function mapText(t: CheckText, f: (s: string, locale: TextLocale) => string): CheckText {
	return typeof t === 'string' ? f(t, 'en') : { en: f(t.en, 'en'), 'zh-CN': f(t['zh-CN'], 'zh-CN') };
}

/** Two texts one after the other, in each language ("First. Then."). */
export function joinText(a: CheckText, b: CheckText): CheckText {
	if (typeof a === 'string' && typeof b === 'string') return `${a} ${b}`;
	const [x, y] = [typeof a === 'string' ? { en: a, 'zh-CN': a } : a, typeof b === 'string' ? { en: b, 'zh-CN': b } : b];
	return { en: `${x.en} ${y.en}`, 'zh-CN': `${x['zh-CN']}${y['zh-CN']}` };
}
