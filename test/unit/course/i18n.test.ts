import { describe, it, expect } from 'vitest';
import { en } from '../../../src/lib/course/i18n/en';
import { zhCN } from '../../../src/lib/course/i18n/zh-CN';
import { translator, localizePath, stripLocale, preferredLocale } from '../../../src/lib/course/i18n';

describe('i18n', () => {
	it('zh-CN has every UI string, none left in English', () => {
		expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
		for (const [k, v] of Object.entries(zhCN)) if (!/^(Trace Tour|OpenTracing)/.test(v)) expect(v, k).not.toBe(en[k as keyof typeof en]);
	});
	it('fills placeholders', () => {
		expect(translator('en')('home.steps', { n: 4 })).toBe('4 steps');
		expect(translator('zh-CN')('home.passed', { n: 1, total: 5 })).toBe('已通过 1/5');
	});
	it('maps paths between locales', () => {
		expect(localizePath('zh-CN', '/tutorial/a/b')).toBe('/zh-CN/tutorial/a/b');
		expect(localizePath('zh-CN', '/')).toBe('/zh-CN');
		expect(localizePath('en', '/zh-CN/tutorial/a/b')).toBe('/tutorial/a/b');
		expect(localizePath('en', '/zh-CN')).toBe('/');
		expect(stripLocale('/zh-CN/tutorial/x/y')).toEqual({ locale: 'zh-CN', path: '/tutorial/x/y' });
	});
	it('picks Simplified Chinese for zh-CN/zh-Hans/zh browsers, English otherwise', () => {
		expect(preferredLocale(['zh-CN', 'en'])).toBe('zh-CN');
		expect(preferredLocale(['zh'])).toBe('zh-CN');
		expect(preferredLocale(['zh-TW', 'en-US'])).toBe('en');
		expect(preferredLocale(['fr-FR', 'de'])).toBe('en');
		expect(preferredLocale(['fr', 'zh-Hans-CN'])).toBe('zh-CN');
	});
});
