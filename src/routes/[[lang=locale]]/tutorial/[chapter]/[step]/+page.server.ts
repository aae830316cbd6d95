import { error } from '@sveltejs/kit';
import { allSteps, course, courseIndex, stepContent } from '$lib/course/server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => allSteps(course());

export const load: PageServerLoad = ({ params }) => {
	const step = stepContent(course(), params.chapter, params.step, 'en');
	if (!step) error(404, `No step ${params.chapter}/${params.step}`);
	return { step, chapters: courseIndex(course(), 'en') };
};
