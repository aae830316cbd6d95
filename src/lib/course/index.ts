// The course's core contract: what makes the lessons a course, usable in Node as in the browser —
// lesson types, UI strings, the progress store, share links, where work is saved, running a step's
// check. Components and the page's state are in ./ui, build-time loading in ./server, what the
// service worker needs in ./sw.
export type * from './types';
export { LOCALES, LOCALE_NAMES, isLocale, translator, labelsUnder, localizePath, stripLocale, preferredLocale, type MessageKey } from './i18n';
export * from './progress';
export { encodeShare, decodeShare, shareUrl, SINGLE_FILE, MAX_HASH_CHARS, MAX_SOURCE_CHARS, MAX_FILES, type ShareDecode } from './share';
export { sameFiles, type Files } from './files';
export { stepSaver, playgroundSaver, playgroundConditionsSaver, type WorkSaver, type ConditionsSaver } from './savers';
export { runStepCheck } from './step-check';
export { chooseLocale, chosenLocale, chooseTheme, chosenTheme, chosenSpanExport, chooseSpanExport, type Theme, type SpanExportChoice } from './preferences';
export { TRACING_SYSTEMS, systemsIn, type TracingSystem, type TracingSystemSource, type Source as SystemSource } from './systems/systems';
export { watchForUpdates, registerWhenSettled, browserSettleSignals, type UpdateWatcher } from './offline';
