import type { CheckItem } from './types';

/** A line for the Checks region; the hint only travels with a failure. */
export function item(label: string, ok: boolean, hint: string): CheckItem {
	return ok ? { label, ok } : { label, ok, hint };
}
