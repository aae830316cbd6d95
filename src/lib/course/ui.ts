// The course in the browser: the components pages are made of, and the state a page holds
// (the working copy of a step, the page's one progress store on localStorage).
export { default as StepWorkbench } from './ui/StepWorkbench.svelte';
export { default as StepText } from './ui/StepText.svelte';
export { default as StepToolbar } from './ui/StepToolbar.svelte';
export { default as OutputPanels } from './ui/LazyOutputPanels.svelte';
export { default as UpdateBanner } from './ui/UpdateBanner.svelte';
export { StepWork, type Notice, type Versions } from './step-work.svelte';
export { browserProgress } from './progress/browser.svelte';
export { default as PlaygroundWorkbench } from './ui/PlaygroundWorkbench.svelte';
