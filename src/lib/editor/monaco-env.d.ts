declare module 'monaco-editor/*';
declare module 'monaco-editor/editor/editor.api' {
	export * from 'monaco-editor';
}
interface Window {
	MonacoEnvironment?: unknown;
}
// eslint-disable-next-line no-var
declare var MonacoEnvironment: unknown;
