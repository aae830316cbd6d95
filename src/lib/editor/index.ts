export { default as Editor } from './Editor.svelte';
export type { EditorMarker } from './markers';
