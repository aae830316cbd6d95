import type { CheckItem, RunOutput } from './types';

/** Did `service` print a line equal to `text` (trimmed)? */
export function printed(run: RunOutput, service: string, text: string, hint: string): CheckItem {
	const ok = run.console.some((l) => l.service === service && l.text.trim() === text);
	return { label: `${service} prints "${text}"`, ok, hint: ok ? undefined : hint };
}
