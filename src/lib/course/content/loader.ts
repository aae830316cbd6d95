// Reads lessons/ from disk at build time and checks it; any mistake fails the build with a message
// naming the file. Runs in Node only (prerendering, vitest).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LessonError, splitFrontMatter } from './frontmatter';
import { renderMarkdown } from './markdown';
import type { Locale } from '../types';
import { LOCALES } from '../i18n';

const ORDERED_DIR = /^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const SERVICE_NAME = /^[a-z][a-z0-9-]{0,62}$/;

export interface StepText {
	title: string;
	html: string;
}

export interface StepSource {
	slug: string;
	dir: string;
	text: Partial<Record<Locale, StepText>> & { en: StepText };
	services: Record<string, string>;
	args: string;
	/** a step whose run needs longer than the default limit (a load of many requests), in ms */
	timeLimitMs?: number;
	readingOnly: boolean;
	start: Record<string, string>;
	solution: Record<string, string>;
	/** repo-relative path of check.ts, or null for a reading-only step */
	check: string | null;
}

export interface ChapterSource {
	slug: string;
	dir: string;
	title: Partial<Record<Locale, string>> & { en: string };
	steps: StepSource[];
}

function orderedDirs(dir: string): { name: string; slug: string }[] {
	return readdirSync(dir)
		.filter((name) => statSync(join(dir, name)).isDirectory() && ORDERED_DIR.test(name))
		.sort()
		.map((name) => ({ name, slug: ORDERED_DIR.exec(name)![2] }));
}

function readFiles(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	if (!existsSync(dir)) return out;
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) walk(full);
			else out[relative(dir, full).split('\\').join('/')] = readFileSync(full, 'utf8');
		}
	};
	walk(dir);
	return out;
}

function title(data: Record<string, unknown>, file: string): string {
	if (typeof data.title !== 'string' || !data.title.trim()) throw new LessonError(file, 'front matter needs a "title"');
	return data.title.trim();
}

function services(data: Record<string, unknown>, start: Record<string, string>, file: string): Record<string, string> {
	const raw = data.services;
	if (raw === undefined) {
		// one file, one service named after it: the common case needs no front matter
		const files = Object.keys(start).filter((f) => /\.ts$/.test(f));
		return files.length === 1 ? { [files[0]]: files[0].replace(/\.ts$/, '') } : {};
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		throw new LessonError(file, '"services" must map a file to a service name, e.g. {hello.ts: hello}');
	}
	const out: Record<string, string> = {};
	for (const [path, name] of Object.entries(raw)) {
		if (!(path in start)) {
			throw new LessonError(file, `service file "${path}" does not exist in start/ (has: ${Object.keys(start).join(', ') || 'nothing'})`);
		}
		if (typeof name !== 'string' || !SERVICE_NAME.test(name)) {
			throw new LessonError(file, `service name for "${path}" must be a lower-case host name like "formatter", got ${JSON.stringify(name)}`);
		}
		out[path] = name;
	}
	return out;
}

/**
 * A step with `app: true` starts from its chapter's `app/` folder (an application several steps
 * share, such as chapter 11's ride-sharing app): its start/ and solution/ hold only the files that
 * differ, laid over the app's.
 */
function appFiles(data: Record<string, unknown>, chapterDir: string, file: string): Record<string, string> {
	if (data.app === undefined || data.app === false) return {};
	if (data.app !== true) throw new LessonError(file, '"app" must be true (the step builds on its chapter\'s app/ folder) or left out');
	const app = readFiles(join(chapterDir, 'app'));
	if (Object.keys(app).length === 0) throw new LessonError(file, '"app: true" but the chapter has no app/ folder with files');
	return app;
}

/** Path order as readFiles walks a folder (sorted names, a folder's files in its place). */
function walkOrder(a: string, b: string): number {
	const x = a.split('/');
	const y = b.split('/');
	for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
	return x.length - y.length;
}

/** `over` laid over `base`, listed as one folder would be: the editor's tabs follow this order. */
function layOver(base: Record<string, string>, over: Record<string, string>): Record<string, string> {
	const merged = { ...base, ...over };
	return Object.fromEntries(Object.keys(merged).sort(walkOrder).map((path) => [path, merged[path]]));
}

function loadStep(root: string, chapterDir: string, name: string, slug: string): StepSource {
	const dir = join(chapterDir, name);
	const rel = (p: string) => relative(root, join(dir, p)).split('\\').join('/');
	const indexFile = join(dir, 'index.md');
	if (!existsSync(indexFile)) throw new LessonError(rel('index.md'), 'missing: every step needs an index.md');
	const { data, body } = splitFrontMatter(readFileSync(indexFile, 'utf8'), rel('index.md'));
	const app = appFiles(data, chapterDir, rel('index.md'));
	const ownStart = readFiles(join(dir, 'start'));
	const start = layOver(app, ownStart);
	if (Object.keys(start).length === 0) throw new LessonError(rel('start') + '/', 'the step has no start files');
	const readingOnly = data.readingOnly === true;
	const ownSolution = readFiles(join(dir, 'solution'));
	const solution = Object.keys(ownSolution).length ? layOver(app, ownSolution) : {};
	const hasCheck = existsSync(join(dir, 'check.ts'));
	if (!readingOnly && !hasCheck) throw new LessonError(rel('check.ts'), 'missing: a step needs a check (or readingOnly: true)');
	if (!readingOnly && Object.keys(solution).length === 0) throw new LessonError(rel('solution') + '/', 'the step has no solution files');
	if (data.args !== undefined && typeof data.args !== 'string') throw new LessonError(rel('index.md'), '"args" must be a string like "Bryan Bonjour"');
	const limit = data.timeLimit;
	if (limit !== undefined && (typeof limit !== 'number' || !(limit >= 1 && limit <= 60))) throw new LessonError(rel('index.md'), '"timeLimit" must be a number of seconds from 1 to 60');

	const text: StepSource['text'] = { en: { title: title(data, rel('index.md')), html: renderMarkdown(body) } };
	for (const locale of LOCALES.filter((l) => l !== 'en')) {
		const file = join(dir, `index.${locale}.md`);
		if (!existsSync(file)) continue;
		const t = splitFrontMatter(readFileSync(file, 'utf8'), rel(`index.${locale}.md`));
		text[locale] = { title: title(t.data, rel(`index.${locale}.md`)), html: renderMarkdown(t.body) };
	}
	return {
		slug,
		dir: relative(root, dir).split('\\').join('/'),
		text,
		services: services(data, start, rel('index.md')),
		args: (data.args as string | undefined) ?? '',
		...(typeof limit === 'number' ? { timeLimitMs: limit * 1000 } : {}),
		readingOnly,
		start,
		solution: Object.keys(solution).length ? solution : start,
		check: hasCheck ? rel('check.ts') : null
	};
}

/** Loads every chapter and step under `<root>/lessons`, in NN- order. Throws LessonError on bad content. */
export function loadCourse(root: string): ChapterSource[] {
	const lessons = join(root, 'lessons');
	const chapters = orderedDirs(lessons).map(({ name, slug }) => {
		const dir = join(lessons, name);
		const rel = (p: string) => relative(root, join(dir, p)).split('\\').join('/');
		const indexFile = join(dir, 'index.md');
		if (!existsSync(indexFile)) throw new LessonError(rel('index.md'), 'missing: every chapter needs an index.md with a title');
		const chapterTitle: ChapterSource['title'] = { en: title(splitFrontMatter(readFileSync(indexFile, 'utf8'), rel('index.md')).data, rel('index.md')) };
		for (const locale of LOCALES.filter((l) => l !== 'en')) {
			const file = join(dir, `index.${locale}.md`);
			if (existsSync(file)) chapterTitle[locale] = title(splitFrontMatter(readFileSync(file, 'utf8'), rel(`index.${locale}.md`)).data, rel(`index.${locale}.md`));
		}
		const steps = orderedDirs(dir).map((s) => loadStep(root, dir, s.name, s.slug));
		if (steps.length === 0) throw new LessonError(rel(''), 'the chapter has no steps (NN-step folders)');
		return { slug, dir: relative(root, dir), title: chapterTitle, steps };
	});
	const seen = new Set<string>();
	for (const c of chapters) {
		if (seen.has(c.slug)) throw new LessonError(c.dir, `two chapters share the slug "${c.slug}"`);
		seen.add(c.slug);
	}
	return chapters;
}
