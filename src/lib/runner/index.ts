// The runner's core contract, usable in Node: compiling learner files, which files are services,
// the world of a run (startWorld over any services, compiler and backend), what a service does
// inside its worker, limits, network conditions. The browser side — the Runner a page holds, its
// session state and panels — is ./ui.
export { startWorld, type WorldDeps, type RunningWorld, type SimulatedHost } from './world/run';
export { applyStrategiesFile } from './world/sampling-file';
export { DEFAULT_LIMITS, formatMs } from './world/limits';
export { WorkerStopped, type ServiceLink } from './world/service-handle';
export { SERVICE_ERROR_KINDS, type RunRequest, type RunResult, type RunCallbacks, type RunPhase, type RunError, type RunErrorKind, type ServiceErrorKind, type ServiceReport } from './world/types';
export type { ConsoleLine, Stream, RemoteServiceApi } from './service/protocol';
export { createServiceApi, type ServiceEnv } from './service/service-api';
export { createLiveness, type Liveness } from './service/liveness';
export type { ConsoleSink } from './service/console-sink';
export { formatArgs } from './service/format';
export type { Diagnostic, CompileInput, CompileResult, Bundle } from './compile/types';
export type { CompilerState } from './compile/client';
export { compile, type EsbuildLike } from './compile/compile';
export { compilerPreload, NEEDS_COMPILER } from './compile/early-preload';
export { formatDiagnostic } from './compile/diagnostics';
export { RUNTIME_MODULES, RUNTIME_GLOBAL } from './compile/runtime-modules';
export { servicesFromFiles, servicesFrom, serviceName, pickClients, clientBeforeCompile, type ServiceSpec } from './services';
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
export { foreground, Foreground } from './first-run';
