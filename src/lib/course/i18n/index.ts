import { fill } from '../../words';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import type { Locale } from '../types';

export type { MessageKey };
export const LOCALES: Locale[] = ['en', 'zh-CN'];
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };
const tables: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export function isLocale(s: unknown): s is Locale {
	return typeof s === 'string' && (LOCALES as string[]).includes(s);
}

/** A translator for one locale: t('home.steps', { n: 3 }). */
export function translator(locale: Locale) {
	const table = tables[locale];
	return (key: MessageKey, vars: Record<string, string | number> = {}) =>
		fill(table[key] ?? en[key], vars);
}

type Under<P extends string, K = MessageKey> = K extends `${P}.${infer R}` ? R : never;

/**
 * The messages under `prefix.`, keyed by the rest of their key and not filled in: the label sets the
 * runner's panels and the editor take (`run`, `console`, `network`, `editor`), whose own defaults are English.
 */
export function labelsUnder<P extends string>(locale: Locale, prefix: P): Record<Under<P>, string> {
	const table = tables[locale];
	const out: Record<string, string> = {};
	for (const key of Object.keys(en) as MessageKey[]) if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = table[key] ?? en[key];
	return out as Record<Under<P>, string>;
}

/** '/tutorial/a/b' in `locale`: English has no prefix. */
export function localizePath(locale: Locale, path: string): string {
	const bare = stripLocale(path).path;
	return locale === 'en' ? bare : `/${locale}${bare === '/' ? '' : bare}`;
}

export function stripLocale(path: string): { locale: Locale; path: string } {
	const m = /^\/(zh-CN)(\/.*)?$/.exec(path);
	return m ? { locale: m[1] as Locale, path: m[2] ?? '/' } : { locale: 'en', path };
}

/** The first of the browser's languages we have, else English. */
export function preferredLocale(languages: readonly string[]): Locale {
	for (const l of languages) {
		if (/^zh(-(CN|SG|Hans))?/i.test(l) && !/^zh-(TW|HK|MO|Hant)/i.test(l)) return 'zh-CN';
		if (/^en/i.test(l)) return 'en';
	}
	return 'en';
}
