import { describe, it, expect } from 'vitest';
import { en } from '../../../src/lib/course/i18n/en';
import { zhCN } from '../../../src/lib/course/i18n/zh-CN';
import { translator, localizePath, stripLocale, preferredLocale, labelsUnder } from '../../../src/lib/course/i18n';
import { RUN_LABELS, CONSOLE_LABELS, NETWORK_LABELS } from '../../../src/lib/runner/ui/labels';
import { EDITOR_LABELS } from '../../../src/lib/editor/labels';

describe('i18n', () => {
	it('zh-CN has every UI string, none left in English', () => {
		expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
		for (const [k, v] of Object.entries(zhCN)) if (!/^(Trace Tour|OpenTracing)/.test(v)) expect(v, k).not.toBe(en[k as keyof typeof en]);
	});
	it('zh-CN keeps every placeholder of the English', () => {
		const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const [k, v] of Object.entries(zhCN)) expect(names(v), k).toEqual(names(en[k as keyof typeof en]));
	});
	it('has every word of the runner panels and the editor, in their English', () => {
		// Run, Run again, Arguments and Time limit are the step's own (step.*)
		const { run: _r, runAgain: _a, args: _g, timeLimit: _l, ...run } = RUN_LABELS;
		expect(labelsUnder('en', 'run')).toEqual(run);
		expect(labelsUnder('en', 'console')).toEqual(CONSOLE_LABELS);
		expect(labelsUnder('en', 'network')).toEqual(NETWORK_LABELS);
		expect(labelsUnder('en', 'editor')).toEqual(EDITOR_LABELS);
		expect(Object.keys(labelsUnder('zh-CN', 'network')).sort()).toEqual(Object.keys(NETWORK_LABELS).sort());
		expect(labelsUnder('zh-CN', 'console').title).toBe('控制台');
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
