// Build-time access to the course for +page.server/+layout.server loads. Cached per build; in dev it
// re-reads so edits to lessons/ show on reload.
import { dev } from '$app/environment';
import { loadCourse, type ChapterSource } from './content/loader';
import { LOCALES } from './i18n';
import { untranslated } from './content/views';

let cached: ChapterSource[] | null = null;

export function course(): ChapterSource[] {
	if (!cached || dev) {
		const first = !cached;
		cached = loadCourse(process.cwd());
		if (first) reportUntranslated(cached);
	}
	return cached;
}

/** The build's translation check: says which steps each locale still lacks (they fall back to English). */
function reportUntranslated(chapters: ChapterSource[]) {
	for (const locale of LOCALES.filter((l) => l !== 'en')) {
		const missing = untranslated(chapters, locale);
		if (missing.length) console.warn(`[lessons] ${locale}: ${missing.length} untranslated — ${missing.join(', ')}`);
		else console.log(`[lessons] ${locale}: every step translated`);
	}
}

export { courseIndex, stepContent, allSteps } from './content/views';
