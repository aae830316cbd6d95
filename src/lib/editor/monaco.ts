// A trimmed Monaco: the editor core, the contributions a code editor needs, and only the
// TypeScript/JavaScript languages. `import 'monaco-editor'` would pull every grammar and the
// css/html/json workers (≈2.3 MB we never use). Loaded with a dynamic import from onMount only,
// so prerendering never touches it.
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/caretOperations/browser/caretOperations';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/inlayHints/browser/inlayHintsContribution';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints';
import 'monaco-editor/editor/contrib/rename/browser/rename';
import 'monaco-editor/editor/contrib/semanticTokens/browser/documentSemanticTokens';
import 'monaco-editor/editor/contrib/semanticTokens/browser/viewportSemanticTokens';
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/suggest/browser/suggestInlineCompletions';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/common/standaloneStrings';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon-modifiers.css';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/javascript/register';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { languageServiceAllowed } from './language-service';

self.MonacoEnvironment = {
	// Monaco accepts a promised worker: the TypeScript one is created (and its 1 MB fetched) only once
	// the language service is allowed — the learner's first edit or the first Run (./language-service.ts)
	getWorker: (_id: string, label: string) =>
		label === 'typescript' || label === 'javascript' ? languageServiceAllowed.then(() => new TsWorker()) : new EditorWorker()
};

typescript.typescriptDefaults.setCompilerOptions({
	target: typescript.ScriptTarget.ES2020,
	module: typescript.ModuleKind.ESNext,
	moduleResolution: typescript.ModuleResolutionKind.NodeJs,
	strict: false,
	noEmit: true,
	esModuleInterop: true,
	allowNonTsExtensions: true,
	lib: ['es2022', 'esnext.disposable', 'webworker']
});
typescript.typescriptDefaults.setEagerModelSync(true);

// vs-dark's comments (#608B4E) fall short of WCAG AA on its background; everything else is kept
monaco.editor.defineTheme('trace-tour-dark', {
	base: 'vs-dark',
	inherit: true,
	rules: [{ token: 'comment', foreground: '7FB069' }],
	colors: {}
});
export const THEMES = { light: 'vs', dark: 'trace-tour-dark' } as const;

export { monaco, typescript };
