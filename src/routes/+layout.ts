import type { Locale } from '$lib/course';

export const prerender = true;
export const trailingSlash = 'never';

export function load({ params }: { params: Record<string, string | undefined> }) {
	return { locale: (params.lang ?? 'en') as Locale };
}
