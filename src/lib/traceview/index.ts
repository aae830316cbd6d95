// The trace view's public face: Svelte components for one trace, search, compare and dependencies.
export { default as TraceView } from './TraceView.svelte';
export { default as Timeline } from './timeline/Timeline.svelte';
export { default as SpanDetails } from './details/SpanDetails.svelte';
export { default as TraceHeader } from './header/TraceHeader.svelte';
export { default as TraceSearch } from './search/TraceSearch.svelte';
export { default as TraceCompare } from './compare/TraceCompare.svelte';
export { default as DependencyGraph } from './deps/DependencyGraph.svelte';
export { default as TraceImport } from './import/TraceImport.svelte';
export { TraceLibrary, formatLabel, type ImportedFile, type ImportedTrace } from './library';
export { prepareTrace, type PreparedTrace } from './compute/prepare';
export { formatDuration, formatCount } from './compute/format';
