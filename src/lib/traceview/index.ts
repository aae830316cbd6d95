// The trace view's core contract, usable in Node: preparing a trace for display, formats, and the
// library of imported traces behind /traces. The components are ./ui; what they compute is compute/.
export { TraceLibrary, formatLabel, type ImportedFile, type ImportedTrace } from './library';
export { prepareTrace, type PreparedTrace } from './compute/prepare';
export { formatDuration, formatCount } from './compute/format';
