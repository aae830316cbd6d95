import type { CheckItem, CheckText } from './types';

/** A line for the Checks region; the hint only travels with a failure. */
export function item(label: CheckText, ok: boolean, hint: CheckText): CheckItem {
	return ok ? { label, ok } : { label, ok, hint };
}
