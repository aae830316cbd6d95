// What lesson checks are written with. A check judges the run's traces, console and network —
// never the learner's source text — so any correct way of writing the code passes.
export type * from './types';
export { defineCheck } from './define';
export { text, localize, mapText, type TextLocale } from './text';
export { printed, consoleMatches } from './console';
export { allSpans, findSpan, findSpans, parentOf, tagValue, logsOf, type FoundSpan, type SpanSelector } from './spans';
export {
	spanReported,
	spanCount,
	traceCount,
	totalSpans,
	isRoot,
	childOf,
	referenceType,
	sameTrace,
	hasTag,
	lacksTag,
	hasLog,
	operationExcludes,
	noErrors,
	tagMatches,
	servicesInTrace
} from './expect';
export { requestsTo, requestSent, sentContext, requestCarriesSpan, headerSent } from './wire';
export { encloses, startsLater } from './timing';
export { errorSpans, logsError, answeredWith } from './failures';
export { runOutput, type FinishedRun } from './collect';
