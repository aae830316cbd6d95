// Which baggage keys a service may set, and how long each value may be: jaeger-client's
// BaggageRestrictionManager. The default allows every key with 2048 characters; a team's own
// manager (an allow-list) is passed to initTracer as `options.baggageRestrictionManager`, so only
// blessed services put blessed keys in baggage.

export class Restriction {
	constructor(
		readonly keyAllowed: boolean,
		readonly maxValueLength: number
	) {}
}

export interface BaggageRestrictionManager {
	getRestriction(service: string, key: string): Restriction;
}

export const DEFAULT_MAX_VALUE_LENGTH = 2048;

export class DefaultBaggageRestrictionManager implements BaggageRestrictionManager {
	private readonly restriction: Restriction;

	constructor(maxValueLength: number = DEFAULT_MAX_VALUE_LENGTH) {
		this.restriction = new Restriction(true, maxValueLength);
	}

	getRestriction(): Restriction {
		return this.restriction;
	}
}

/**
 * Asks a manager (possibly learner code) about one key, and never lets its mistakes break the
 * tracer: a throw or a malformed answer refuses the key, with the reason for the span's log.
 */
export function askRestriction(
	manager: BaggageRestrictionManager,
	service: string,
	key: string
): { keyAllowed: boolean; maxValueLength: number; problem?: string } {
	let r: unknown;
	try {
		r = manager.getRestriction(service, key);
	} catch (err) {
		return { keyAllowed: false, maxValueLength: 0, problem: `restriction manager threw: ${err instanceof Error ? err.message : String(err)}` };
	}
	if (r === null || typeof r !== 'object') return { keyAllowed: false, maxValueLength: 0, problem: 'restriction manager returned no Restriction' };
	const { keyAllowed, maxValueLength } = r as { keyAllowed?: unknown; maxValueLength?: unknown };
	if (keyAllowed !== true) return { keyAllowed: false, maxValueLength: 0 };
	const max = typeof maxValueLength === 'number' && maxValueLength >= 0 ? Math.floor(maxValueLength) : DEFAULT_MAX_VALUE_LENGTH;
	return { keyAllowed: true, maxValueLength: max };
}
