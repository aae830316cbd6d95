import { error } from '@sveltejs/kit';
import { allSteps, course, stepContent } from '$lib/course/server';
import type { EntryGenerator, PageServerLoad } from './$types';

// every step has an embed, prerendered (English; the full page has the translations)
export const entries: EntryGenerator = () => allSteps(course()).map(({ chapter, step }) => ({ chapter, step }));

export const load: PageServerLoad = ({ params }) => {
	const step = stepContent(course(), params.chapter, params.step, 'en');
	if (!step) error(404, `No step ${params.chapter}/${params.step}`);
	return { step };
};
