// The words of the Run panel, the Console and the Network panel. The runner knows no languages: a
// page in another language passes its own labels (the course's i18n has them under run.*, console.*
// and network.*, with the same names); what it leaves out stays English. `{name}` is filled in.

export const RUN_LABELS = {
	run: 'Run',
	runAgain: 'Run again',
	args: 'Arguments',
	argsHelp: 'The program’s arguments: what follows its name on a command line (Bryan Bonjour). A leading program name, as in hello Bryan, is read as the command and dropped.',
	timeLimit: 'Time limit',
	shortcut: 'Run (Ctrl/Cmd+Enter)',
	status: 'Run status',
	loadingCompiler: 'Loading compiler…',
	loadingCompilerPct: 'Loading compiler… {pct}%',
	compilerFailed: 'Compiler failed to load: {message}',
	ready: 'Ready',
	compiling: 'Compiling…',
	starting: 'Starting services…',
	running: 'Running…',
	flushing: 'Flushing spans…',
	compileFailed: 'Compile failed',
	timedOut: 'Stopped at the time limit ({limit})',
	stop: 'Stop',
	stopped: 'Stopped',
	took: '{total} (compile {compile}, run {run}, flush {flush})',
	finished: 'Finished in {took}',
	finishedError: 'Finished with 1 error in {took}',
	finishedErrors: 'Finished with {n} errors in {took}'
};
export type RunLabels = typeof RUN_LABELS;

export const CONSOLE_LABELS = {
	title: 'Console',
	empty: 'Output of your services appears here.'
};
export type ConsoleLabels = typeof CONSOLE_LABELS;

export const NETWORK_LABELS = {
	title: 'Network',
	showBackend: 'Show backend traffic ({n})',
	onlyBackend: 'Only backend traffic so far.',
	empty: 'Requests between your services appear here.',
	more: '{n} more requests are not shown.',
	from: 'From',
	to: 'To',
	protocol: 'Protocol',
	allProtocols: 'All protocols ({n})',
	message: 'Message',
	method: 'Method',
	url: 'URL',
	status: 'Status',
	latency: 'Latency',
	requestHeaders: 'Request headers',
	error: 'Error',
	requestBody: 'Request body',
	responseHeaders: 'Response headers',
	responseBody: 'Response body'
};
export type NetworkLabels = typeof NETWORK_LABELS;

export { fill } from '$lib/words';

/** The Backend panel: the Jaeger pipeline's components and counters (metric names stay as Jaeger spells them). */
export const BACKEND_LABELS = {
	title: 'Backend',
	empty: 'Run code that reports spans: each component of the Jaeger pipeline shows its counters here while it runs.',
	reporter: 'client reporter',
	agent: 'jaeger-agent',
	collector: 'jaeger-collector',
	kafka: 'Kafka + ingester',
	storage: 'storage ({type})',
	query: 'jaeger-query',
	received: 'received',
	dropped: 'dropped',
	queued: 'queued',
	capacity: 'queue size',
	written: 'written',
	failed: 'failed',
	readErrors: 'unreadable',
	lost: 'lost while down',
	clientDropped: 'dropped by clients',
	requests: 'requests',
	fault: 'fault: {fault}',
	indices: 'Elasticsearch indices',
	docs: '{n} docs',
	metric: 'metric'
};
export type BackendLabels = typeof BACKEND_LABELS;
