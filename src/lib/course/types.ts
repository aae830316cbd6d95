// What a page gets to know about the course. Plain data: prerendered into the page and __data.json.

export type Locale = 'en' | 'zh-CN';

export interface StepRef {
	chapter: string;
	step: string;
	title: string;
}

export interface ChapterSummary {
	slug: string;
	title: string;
	steps: StepRef[];
}

export interface StepContent {
	chapter: { slug: string; title: string };
	slug: string;
	title: string;
	/** rendered at build time; code blocks already highlighted */
	html: string;
	/** the locale the text is in (may be 'en' when the requested translation is missing) */
	locale: Locale;
	translated: boolean;
	/** file → service name; the files a run starts as services */
	services: Record<string, string>;
	/** the Arguments field's starting value, e.g. "Bryan Bonjour" */
	args: string;
	/** the run's time limit when the step needs more than the default (front matter `timeLimit`, seconds) */
	timeLimitMs?: number;
	/** a step with nothing to pass: read, look, move on */
	readingOnly: boolean;
	start: Record<string, string>;
	solution: Record<string, string>;
	/** path of the step's check module relative to the repo root, or null */
	check: string | null;
	prev: StepRef | null;
	next: StepRef | null;
}

/** One program the playground's Examples menu opens (one per protocol of the simulated world). */
export interface PlaygroundExample {
	/** `?example=<id>` opens it */
	id: string;
	title: string;
	files: Record<string, string>;
	/** the Arguments field */
	args?: string;
}
