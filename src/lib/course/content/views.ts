// Pure projections of the loaded course into what pages render.
import type { ChapterSource } from './loader';
import type { ChapterSummary, Locale, StepContent, StepRef } from '../types';

export function courseIndex(chapters: ChapterSource[], locale: Locale): ChapterSummary[] {
	return chapters.map((c) => ({
		slug: c.slug,
		title: c.title[locale] ?? c.title.en,
		steps: c.steps.map((s) => ({ chapter: c.slug, step: s.slug, title: (s.text[locale] ?? s.text.en).title }))
	}));
}

export function stepContent(chapters: ChapterSource[], chapter: string, step: string, locale: Locale): StepContent | null {
	const flat: StepRef[] = courseIndex(chapters, locale).flatMap((c) => c.steps);
	const c = chapters.find((x) => x.slug === chapter);
	const s = c?.steps.find((x) => x.slug === step);
	if (!c || !s) return null;
	const i = flat.findIndex((r) => r.chapter === chapter && r.step === step);
	const text = s.text[locale] ?? s.text.en;
	return {
		chapter: { slug: c.slug, title: c.title[locale] ?? c.title.en },
		slug: s.slug,
		title: text.title,
		html: text.html,
		locale: s.text[locale] ? locale : 'en',
		translated: Boolean(s.text[locale]),
		services: s.services,
		args: s.args,
		timeLimitMs: s.timeLimitMs,
		readingOnly: s.readingOnly,
		start: s.start,
		solution: s.solution,
		check: s.check,
		prev: flat[i - 1] ?? null,
		next: flat[i + 1] ?? null
	};
}

/** Every step URL, for prerendering. */
export function allSteps(chapters: ChapterSource[]): { chapter: string; step: string }[] {
	return chapters.flatMap((c) => c.steps.map((s) => ({ chapter: c.slug, step: s.slug })));
}

/** Steps (and chapters) with no text in `locale`: "chapter/step" keys, for the build's report. */
export function untranslated(chapters: ChapterSource[], locale: Locale): string[] {
	return chapters.flatMap((c) => [
		...(c.title[locale] ? [] : [`${c.slug} (chapter title)`]),
		...c.steps.filter((s) => !s.text[locale]).map((s) => `${c.slug}/${s.slug}`)
	]);
}
