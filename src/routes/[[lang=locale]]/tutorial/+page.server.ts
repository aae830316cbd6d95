import { redirect } from '@sveltejs/kit';
import { allSteps, course } from '$lib/course/server';
import { localizePath } from '$lib/course';
import type { Locale } from '$lib/course';

export function load({ params }: { params: { lang?: string } }) {
	const first = allSteps(course())[0];
	redirect(307, localizePath((params.lang ?? 'en') as Locale, `/tutorial/${first.chapter}/${first.step}`));
}
