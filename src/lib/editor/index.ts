export { default as Editor } from './Editor.svelte';
export type { EditorMarker } from './markers';
export { EDITOR_LABELS, type EditorLabels } from './labels';
