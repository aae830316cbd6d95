// The editor's core: what other parts may know without loading the editor itself — its marker
// shape, its words, and the switch that lets IntelliSense start. The component is ./ui.
export type { EditorMarker } from './markers';
export { EDITOR_LABELS, type EditorLabels } from './labels';
export { startLanguageService, languageServiceAllowed, languageServiceStarted } from './language-service';
