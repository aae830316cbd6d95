import { course, courseIndex } from '$lib/course/server';

export function load() {
	return { chapters: courseIndex(course(), 'en') };
}
