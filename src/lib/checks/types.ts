import type { Trace } from '$lib/model';
import type { NetworkRecord } from '$lib/sim';

/** One line a service printed (out or err), as a check reads it. */
export interface PrintedLine {
	service: string;
	stream: 'out' | 'err';
	text: string;
}

/** What a run produced — all a check may look at. It judges the traces, never the source text. */
export interface RunOutput {
	traces: Trace[];
	console: PrintedLine[];
	network: NetworkRecord[];
	/** the arguments the client program got: the Arguments field split like a shell would, a leading program name dropped (`programArgs`) */
	args: string[];
	/** errors that stopped a service: time limit, uncaught throw */
	errors: string[];
}

/**
 * Words for the learner in every language the course speaks: `text('…', '…')` makes one. The Checks
 * region shows the page's language; a check's logic never depends on it.
 */
export interface Localized {
	en: string;
	'zh-CN': string;
}

/** A label or hint: both languages, or a plain string shown as it is in every language (a compiler message). */
export type CheckText = string | Localized;

/** One line in the Checks region: what was expected, whether it held, and a hint that teaches when not. */
export interface CheckItem {
	label: CheckText;
	ok: boolean;
	hint?: CheckText;
	/**
	 * A failing item that could not be judged because a span never reached Jaeger names that span
	 * (`hello-world "printHello"`). The Checks region shows the first item missing a span as the
	 * cause and folds the later ones missing the same span under it (`foldFailures`).
	 */
	missing?: string;
}

export type StepCheck = (run: RunOutput) => CheckItem[] | Promise<CheckItem[]>;
