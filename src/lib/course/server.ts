// Build-time access to the course for +page.server/+layout.server loads. Cached per build; in dev it
// re-reads so edits to lessons/ show on reload.
import { dev } from '$app/environment';
import { loadCourse, type ChapterSource } from './content/loader';

let cached: ChapterSource[] | null = null;

export function course(): ChapterSource[] {
	if (!cached || dev) cached = loadCourse(process.cwd());
	return cached;
}

export { courseIndex, stepContent, allSteps } from './content/views';
