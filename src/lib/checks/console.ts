import type { CheckItem, CheckText, RunOutput } from './types';
import { item } from './item';
import { text as say } from './text';

/** Did `service` print a line equal to `text` (trimmed)? */
export function printed(run: RunOutput, service: string, text: string, hint: CheckText): CheckItem {
	const ok = run.console.some((l) => l.service === service && l.text.trim() === text);
	return { label: say(`${service} prints "${text}"`, `${service} 打印出 "${text}"`), ok, hint: ok ? undefined : hint };
}

/** Did `service` print a line matching `pattern`? `label` says what the line is, for the Checks list. */
export function consoleMatches(run: RunOutput, service: string, pattern: RegExp, label: CheckText, hint: CheckText): CheckItem {
	return item(label, run.console.some((l) => l.service === service && pattern.test(l.text)), hint);
}
