// The runner in the browser: the Runner a page holds (compiler worker, sandboxed service workers,
// the backend worker), its reactive session, and the panels that render it.
export { Runner } from './world/runner';
export { RunSession } from './ui/session.svelte';
export { default as RunPanel } from './ui/RunPanel.svelte';
export { default as ConsolePanel } from './ui/ConsolePanel.svelte';
export { default as NetworkPanel } from './ui/NetworkPanel.svelte';
export { default as ConditionsPanel } from './ui/ConditionsPanel.svelte';
export { loadRuntimeTypings } from './typings/load';
export { default as BackendPanel } from './ui/BackendPanel.svelte';
