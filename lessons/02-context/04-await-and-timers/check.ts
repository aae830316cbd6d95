import { defineCheck, printed, spanCount, childOf, traceCount, encloses, startsLater } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const root = { service: 'hello-world', operation: 'say-hello' };
	const format = { service: 'hello-world', operation: 'formatString' };
	const print = { service: 'hello-world', operation: 'printHello' };
	const lost = (fn: string) =>
		`${fn}'s span lost its parent. Activate say-hello before calling ${fn}, and keep that scope open while you await it — the active span follows awaits and timers on its own.`;
	return [
		printed(run, 'hello', `Hello, ${name}!`, 'printHello should still print the greeting, now from its timer.'),
		spanCount(run, root, 1, 'Start say-hello once in main, and finish it after both awaits.'),
		startsLater(run, format, root, 25, "formatString's span started right away: await sleep(30) inside formatString before it starts its span."),
		childOf(run, format, root, lost('formatString')),
		childOf(run, print, root, lost('printHello')),
		encloses(run, root, format, 'say-hello finished before formatString did: make main async and await formatString before span.finish().'),
		encloses(run, root, print, 'say-hello finished before printHello did: return a promise from printHello that resolves in the timer, and await it before span.finish().'),
		traceCount(run, 1, 'One request, one trace: every span should hang under say-hello.')
	];
});
