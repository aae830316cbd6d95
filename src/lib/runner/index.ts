// The runner's public face: compile learner files, run them as a world of services, read the result.
export { Runner } from './world/runner';
export { DEFAULT_LIMITS, formatMs } from './world/limits';
export type { RunRequest, RunResult, RunCallbacks, RunPhase, RunError, ServiceReport } from './world/types';
export type { ConsoleLine, Stream } from './service/protocol';
export type { Diagnostic, CompileInput, CompileResult, Bundle } from './compile/types';
export type { CompilerState } from './compile/client';
export { compile, type EsbuildLike } from './compile/compile';
export { formatDiagnostic } from './compile/diagnostics';
export { RUNTIME_MODULES } from './compile/runtime-modules';
export { servicesFromFiles, servicesFrom, serviceName, pickClients, type ServiceSpec } from './services';
export { encodeShare, decodeShare, SINGLE_FILE, type ShareDecode } from './share';
export {
	newRule,
	checkRule,
	toLinkRules,
	describeRule,
	serializeConditions,
	parseConditions,
	FAILURES,
	MAX_DELAY_MS,
	MAX_RULES,
	CONDITIONS_VERSION,
	type ConditionRule,
	type Failure,
	type CheckedRule,
	type RuleProblems,
	type SavedConditions
} from './conditions';
export { RunSession } from './ui/session.svelte';
export { default as RunPanel } from './ui/RunPanel.svelte';
export { default as ConsolePanel } from './ui/ConsolePanel.svelte';
export { default as NetworkPanel } from './ui/NetworkPanel.svelte';
export { default as ConditionsPanel } from './ui/ConditionsPanel.svelte';
export { loadRuntimeTypings } from './typings/load';
