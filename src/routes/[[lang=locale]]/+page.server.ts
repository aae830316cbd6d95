import { course, courseIndex } from '$lib/course/server';
import type { Locale } from '$lib/course';

export function load({ params }: { params: { lang?: string } }) {
	return { chapters: courseIndex(course(), (params.lang ?? 'en') as Locale) };
}
