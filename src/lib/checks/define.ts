import type { StepCheck } from './types';

/** Marks a lesson's check; typed so check.ts files get completion on the run output. */
export function defineCheck(check: StepCheck): StepCheck {
	return check;
}
