import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadCourse } from '../../../src/lib/course/content/loader';
import { stepContent, allSteps, untranslated } from '../../../src/lib/course/content/views';

function course(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'lessons-'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

const good = {
	'lessons/01-intro/index.md': '---\ntitle: Intro\n---\n',
	'lessons/01-intro/01-first/index.md': '---\ntitle: First\nservices:\n  hello.ts: hello\nargs: Bryan\n---\nSome `code`.\n\n```ts\nconst a = 1;\n```\n',
	'lessons/01-intro/01-first/start/hello.ts': '// start\n',
	'lessons/01-intro/01-first/solution/hello.ts': 'console.log(1)\n',
	'lessons/01-intro/01-first/check.ts': 'export default () => []\n',
	'lessons/01-intro/02-second/index.md': '---\ntitle: Second\nreadingOnly: true\n---\nRead.\n',
	'lessons/01-intro/02-second/start/a.ts': 'x\n'
};

describe('lesson loader', () => {
	it('loads chapters and steps in NN- order with slugs, services, args and highlighted code', () => {
		const chapters = loadCourse(course(good));
		expect(chapters.map((c) => c.slug)).toEqual(['intro']);
		expect(chapters[0].steps.map((s) => s.slug)).toEqual(['first', 'second']);
		const first = chapters[0].steps[0];
		expect(first.services).toEqual({ 'hello.ts': 'hello' });
		expect(first.args).toBe('Bryan');
		expect(first.timeLimitMs).toBeUndefined();
		const longer = loadCourse(course({ ...good, 'lessons/01-intro/01-first/index.md': good['lessons/01-intro/01-first/index.md'].replace('args:', 'timeLimit: 20\nargs:') }));
		expect(longer[0].steps[0].timeLimitMs).toBe(20_000);
		expect(first.text.en.html).toContain('<code>code</code>');
		expect(first.text.en.html).toContain('hljs-keyword');
		expect(first.check).toBe('lessons/01-intro/01-first/check.ts');
		// a single-file step without a services map runs that file as a service named after it
		expect(chapters[0].steps[1].services).toEqual({ 'a.ts': 'a' });
		expect(allSteps(chapters)).toEqual([{ chapter: 'intro', step: 'first' }, { chapter: 'intro', step: 'second' }]);
		const view = stepContent(chapters, 'intro', 'second', 'zh-CN')!;
		expect(view.prev?.step).toBe('first');
		expect(view.next).toBeNull();
		expect(view.translated).toBe(false);
		expect(view.locale).toBe('en');
	});

	it.each([
		['a missing title', { 'lessons/01-intro/01-first/index.md': '---\nservices:\n  hello.ts: hello\n---\n' }, /lessons\/01-intro\/01-first\/index.md: front matter needs a "title"/],
		['a service file that does not exist', { 'lessons/01-intro/01-first/index.md': '---\ntitle: T\nservices:\n  nope.ts: nope\n---\n' }, /01-first\/index.md: service file "nope.ts" does not exist in start\//],
		['a step with no start files', { 'lessons/01-intro/02-second/start/a.ts': undefined }, /lessons\/01-intro\/02-second\/start\/: the step has no start files/],
		['a bad service name', { 'lessons/01-intro/01-first/index.md': '---\ntitle: T\nservices:\n  hello.ts: Hello World\n---\n' }, /service name for "hello.ts" must be a lower-case host name/],
		['broken YAML', { 'lessons/01-intro/01-first/index.md': '---\ntitle: [unclosed\n---\n' }, /01-first\/index.md: front matter is not valid YAML/],
		['a step without a check', { 'lessons/01-intro/01-first/check.ts': undefined }, /01-first\/check.ts: missing/],
		['a chapter without a title', { 'lessons/01-intro/index.md': 'no front matter\n' }, /lessons\/01-intro\/index.md: front matter needs a "title"/],
		['a time limit that is not seconds', { 'lessons/01-intro/01-first/index.md': '---\ntitle: T\ntimeLimit: 10 minutes\nservices:\n  hello.ts: hello\n---\n' }, /01-first\/index.md: "timeLimit" must be a number of seconds from 1 to 60/],
		['"app: true" without an app/ folder', { 'lessons/01-intro/01-first/index.md': '---\ntitle: T\napp: true\n---\n' }, /01-first\/index.md: "app: true" but the chapter has no app\/ folder/],
		['an "app" that is not true', { 'lessons/01-intro/01-first/index.md': '---\ntitle: T\napp: shop\n---\n' }, /01-first\/index.md: "app" must be true/],
		['a time limit too long', { 'lessons/01-intro/01-first/index.md': '---\ntitle: T\ntimeLimit: 600\nservices:\n  hello.ts: hello\n---\n' }, /"timeLimit" must be a number of seconds/]
	])('fails with a message naming the file for %s', (_name, change, message) => {
		const files: Record<string, string> = { ...good };
		for (const [k, v] of Object.entries(change)) {
			if (v === undefined) delete files[k];
			else files[k] = v;
		}
		expect(() => loadCourse(course(files))).toThrow(message);
	});

	it('lays a step\'s own start/ and solution/ over its chapter\'s app/ when it says app: true', () => {
		const chapters = loadCourse(
			course({
				...good,
				'lessons/01-intro/app/lib/tracing.ts': 'shared\n',
				'lessons/01-intro/app/hello.ts': 'app version\n',
				'lessons/01-intro/app/zone.ts': 'zone\n',
				'lessons/01-intro/01-first/index.md': '---\ntitle: First\napp: true\n---\n',
				'lessons/01-intro/01-first/start/lock.ts': 'only in start\n'
			})
		);
		const [first, second] = chapters[0].steps;
		expect(first.start).toEqual({ 'lib/tracing.ts': 'shared\n', 'hello.ts': '// start\n', 'lock.ts': 'only in start\n', 'zone.ts': 'zone\n' });
		// the step's own files win over the app's; a file only its start has is not in the solution
		expect(first.solution).toEqual({ 'lib/tracing.ts': 'shared\n', 'hello.ts': 'console.log(1)\n', 'zone.ts': 'zone\n' });
		// listed as one folder would be (the editor's tabs): not the app's files first, then the step's
		expect(Object.keys(first.start)).toEqual(['hello.ts', 'lib/tracing.ts', 'lock.ts', 'zone.ts']);
		expect(Object.keys(first.solution)).toEqual(['hello.ts', 'lib/tracing.ts', 'zone.ts']);
		// a step that does not ask for the app does not get it
		expect(second.start).toEqual({ 'a.ts': 'x\n' });
	});

	it('lists the steps a locale lacks, chapter titles included', () => {
		const files = { ...good, 'lessons/01-intro/01-first/index.zh-CN.md': '---\ntitle: 第一步\n---\n正文\n' };
		const chapters = loadCourse(course(files));
		expect(untranslated(chapters, 'zh-CN')).toEqual(['intro (chapter title)', 'intro/second']);
		expect(stepContent(chapters, 'intro', 'first', 'zh-CN')).toMatchObject({ title: '第一步', translated: true, locale: 'zh-CN' });
	});

	it('the real lessons/ folder loads', () => {
		const chapters = loadCourse(resolve(import.meta.dirname, '../../..'));
		expect(chapters.length).toBeGreaterThan(0);
		for (const c of chapters) for (const s of c.steps) expect(Object.keys(s.start).length).toBeGreaterThan(0);
	});
});
