// The editor component (Monaco, loaded on mount).
export { default as Editor } from './Editor.svelte';
