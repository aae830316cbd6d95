// The editor's own words. A page in another language passes its labels (the course's i18n has them
// under editor.*, with the same names); what it leaves out stays English. In `keys`, {Ctrl} is a key
// drawn as <kbd>; in `aria` and `failed`, {label} and {message} are filled in.
export const EDITOR_LABELS = {
	label: 'Code editor',
	aria: '{label}. Ctrl+M lets Tab move focus out of the editor; Ctrl+Enter runs.',
	keys: '{Ctrl}+{Enter} runs · {Ctrl}+{M} lets {Tab} move focus out of the editor (press again to indent with Tab)',
	files: 'Files',
	loading: 'Loading the editor…',
	failed: 'The editor failed to load: {message}. Reload the page to try again.'
};
export type EditorLabels = typeof EDITOR_LABELS;

/** 'a {Ctrl} b' → text and keys in order: ['a ', {key: 'Ctrl'}, ' b']. */
export function keyHint(template: string): (string | { key: string })[] {
	return template.split(/\{(\w+)\}/).map((part, i) => (i % 2 ? { key: part } : part)).filter((p) => p !== '');
}
