import type { CheckItem, RunOutput } from './types';
import { item } from './item';

/** Did `service` print a line equal to `text` (trimmed)? */
export function printed(run: RunOutput, service: string, text: string, hint: string): CheckItem {
	const ok = run.console.some((l) => l.service === service && l.text.trim() === text);
	return { label: `${service} prints "${text}"`, ok, hint: ok ? undefined : hint };
}

/** Did `service` print a line matching `pattern`? `label` says what the line is, for the Checks list. */
export function consoleMatches(run: RunOutput, service: string, pattern: RegExp, label: string, hint: string): CheckItem {
	return item(label, run.console.some((l) => l.service === service && pattern.test(l.text)), hint);
}
