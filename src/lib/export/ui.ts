// The export setting in the browser: its state and its component.
export { SpanExport } from './ui/span-export.svelte';
export { default as ExportSetting } from './ui/ExportSetting.svelte';
