import { redirect } from '@sveltejs/kit';
import { allSteps, course } from '$lib/course/server';

export function load() {
	const first = allSteps(course())[0];
	redirect(307, `/tutorial/${first.chapter}/${first.step}`);
}
