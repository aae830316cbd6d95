// The trace model's public face: other parts import from here, never from the files behind it.
export type * from './types';
export { TraceImportError } from './errors';
export { recordsToTraces, sameProcess } from './records';
export { repairTrace } from './repairs';
export { isHexID, idToHex } from './ids';

export { parseTraceFile, parseJSONOrLines, type ParsedTraceFile, type TraceFileFormat } from './convert/parse-trace-file';
export { fromJaegerJSON, toJaegerJSON } from './convert/jaeger';
export { fromJaegerModel } from './convert/jaeger-model';
export { fromOTLP } from './convert/otlp-in';
export { toOTLP } from './convert/otlp-out';
export { fromZipkin, type ZipkinReadStats } from './convert/zipkin';

export { buildTree, childrenOf, indexSpanIDs, type SpanTree } from './analysis/tree';
export { treeOf, summaryOf } from './analysis/memo';
export { traceSummary, serviceOf, isErrorSpan, type TraceSummary } from './analysis/summary';
export { detectClockSkew, warnClockSkew, type ClockSkew } from './analysis/clock-skew';
export { criticalPath, criticalTimeBySpan, type CriticalPathSection } from './analysis/critical-path';
export { selfTimes } from './analysis/self-time';
export { traceStatistics, type SpanGroupStatistics, type StatisticsGrouping } from './analysis/statistics';
export { dependencyLinks, dependencyParentID, countDependencies, linksFromCounts } from './analysis/dependencies';
export { compareTraces, type TraceComparison, type ComparisonRow, type ComparedSide } from './analysis/compare';
