// What lesson checks are written with. A check judges the run's traces, console and network —
// never the learner's source text — so any correct way of writing the code passes.
export type * from './types';
export { defineCheck } from './define';
export { text, localize, mapText, joinText, type TextLocale } from './text';
export { printed, consoleMatches } from './console';
export { allSpans, findSpan, findSpans, parentOf, referencedSpans, tagValue, logsOf, type FoundSpan, type SpanSelector, type RefType } from './spans';
export { foldFailures, type FailureGroup } from './fold';
export {
	spanReported,
	spanCount,
	traceCount,
	totalSpans,
	isRoot,
	childOf,
	followsFrom,
	references,
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
export { requestsTo, requestSent, sentContext, requestCarriesSpan, carried, clientPropagationHint, headerSent, type Carried } from './wire';
export { encloses, startsLater } from './timing';
export { spansInOrder, siblingsUnder, oneAfterAnother, allOverlap, lastsUnder } from './groups';
export { errorSpans, logsError, answeredWith, marksError, marksNoError } from './failures';
export { runOutput, type FinishedRun } from './collect';
export { messageCarriesSpan, eachReferencesOwn } from './messages';
export { dependencyEdges, callsBetween } from './dependencies';
export { spanKind, spanStatus, sentTraceparent } from './otel';
export {
	percentile,
	durationsMs,
	mostAtOnce,
	intervalsOf,
	countLogged,
	atOnce,
	tailWithin,
	tailUnder,
	tracesAllOverlapping,
	overlapWithinTraces,
	databaseQueries,
	databaseSideBySide, databaseRanTogether,
	type Interval,
	type DatabaseQuery
} from './load';
export {
	tracesRootedAt,
	traceDuration,
	byDuration,
	countsByOperation,
	criticalTimeByOperation,
	servicesOf,
	callsInTrace,
	mostCommon,
	recorded,
	answeredNumber,
	namesOperation,
	namesService,
	type OperationFigure
} from './reading';
