// The trace view's components: one trace (timeline, details, graph, statistics, flamegraph, JSON),
// search, compare, dependencies, and importing files.
export { default as TraceView } from './TraceView.svelte';
export { default as Timeline } from './timeline/Timeline.svelte';
export { default as SpanDetails } from './details/SpanDetails.svelte';
export { default as TraceHeader } from './header/TraceHeader.svelte';
export { default as TraceSearch } from './search/TraceSearch.svelte';
export { default as TraceCompare } from './compare/TraceCompare.svelte';
export { default as DependencyGraph } from './deps/DependencyGraph.svelte';
export { default as TraceImport } from './import/TraceImport.svelte';
