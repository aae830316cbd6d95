// The course as the build sees it, and a step's check loaded the way the page loads it.
import { resolve } from 'node:path';
import { loadCourse, type StepSource } from '$lib/course/content/loader';
import { localize, type CheckItem, type CheckText, type RunOutput, type StepCheck } from '$lib/checks';

export const root = resolve(import.meta.dirname, '../../..');
export const chapters = loadCourse(root);
export const steps: (StepSource & { chapter: string; id: string })[] = chapters.flatMap((c) =>
	c.steps.map((s) => ({ ...s, chapter: c.slug, id: `${c.slug}/${s.slug}` }))
);

export function step(id: string) {
	const s = steps.find((x) => x.id === id);
	if (!s) throw new Error(`no step ${id} (have ${steps.map((x) => x.id).join(', ')})`);
	return s;
}

export async function checkOf(id: string): Promise<StepCheck> {
	const s = step(id);
	if (!s.check) throw new Error(`${id} has no check`);
	return ((await import(/* @vite-ignore */ resolve(root, s.check))) as { default: StepCheck }).default;
}

export async function judge(id: string, run: RunOutput): Promise<CheckItem[]> {
	return (await checkOf(id))(run);
}

export const failing = (items: CheckItem[]) => items.filter((i) => !i.ok);
/** A label or hint as the English page shows it. */
export const english = (t: CheckText | undefined) => (t === undefined ? '' : localize(t, 'en'));
export const show = (items: CheckItem[]) => items.map((i) => `${i.ok ? '✓' : '✗'} ${english(i.label)}${i.hint ? ` — ${english(i.hint)}` : ''}`).join('\n');
