import { error } from '@sveltejs/kit';
import { allSteps, course, courseIndex, stepContent } from '$lib/course/server';
import type { Locale } from '$lib/course';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => allSteps(course()).flatMap((s) => [s, { ...s, lang: 'zh-CN' }]);

export const load: PageServerLoad = ({ params }) => {
	const locale = (params.lang ?? 'en') as Locale;
	const step = stepContent(course(), params.chapter, params.step, locale);
	if (!step) error(404, `No step ${params.chapter}/${params.step}`);
	return { step, chapters: courseIndex(course(), locale) };
};
