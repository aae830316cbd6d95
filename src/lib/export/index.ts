// Export to your own collector: a run's traces sent by the page to an OTLP/HTTP endpoint (pure core).
export { sendTraces, checkEndpoint, corsConfig, describeOutcome, DEFAULT_ENDPOINT, type ExportOutcome, type EndpointProblem } from './send';
