// Network conditions as a learner writes them in the playground: "any → formatter, 300 ms each way,
// HTTP 500 half the time". Rules are kept as typed (strings), so a half-typed number survives a reload;
// `checkRule` says what is wrong with one, `toLinkRules` turns the valid ones into the simulated
// network's LinkRules. Pure: the panel only renders these.
import type { LinkRule } from '$lib/sim';

/** What a matching request suffers besides latency; only what the simulated network can do. */
export type Failure = 'none' | 'reset' | 'status-500' | 'status-503';

export const FAILURES: readonly { value: Failure; label: string }[] = [
	{ value: 'none', label: 'none' },
	{ value: 'reset', label: 'connection reset (dropped)' },
	{ value: 'status-500', label: 'HTTP 500' },
	{ value: 'status-503', label: 'HTTP 503' }
];

/** One rule as the form holds it. `from`/`to` are service names, '' for any service. */
export interface ConditionRule {
	from: string;
	to: string;
	/** ms, added to the request and again to the response */
	latency: string;
	/** ms, up to this much more per leg, at random */
	jitter: string;
	failure: Failure;
	/** percent of matching requests that fail, 0–100 */
	probability: string;
}

/** The largest latency or jitter a rule may ask for (a run is stopped after seconds anyway). */
export const MAX_DELAY_MS = 60_000;

export function newRule(partial: Partial<ConditionRule> = {}): ConditionRule {
	return { from: '', to: '', latency: '0', jitter: '0', failure: 'none', probability: '100', ...partial };
}

export interface RuleProblems {
	latency?: string;
	jitter?: string;
	probability?: string;
}

export type CheckedRule =
	| { ok: true; latencyMs: number; jitterMs: number; failure: Failure; probability: number }
	| { ok: false; problems: RuleProblems };

function number(text: string, what: string, max: number, unit: string): { value: number } | { problem: string } {
	const t = text.trim();
	if (t === '') return { value: 0 };
	// Number() accepts '0x10', '1e3' and ' '; a learner typing ms means a plain decimal
	if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return { problem: `${what} must be a number of ${unit}.` };
	const v = Number(t);
	if (!Number.isFinite(v)) return { problem: `${what} must be a number of ${unit}.` };
	if (v < 0) return { problem: `${what} cannot be negative.` };
	if (v > max) return { problem: `${what} must be at most ${max.toLocaleString('en-US')} ${unit}.` };
	return { value: v };
}

/** The rule's numbers, or what is wrong with them (one message per field, for inline display). */
export function checkRule(rule: ConditionRule): CheckedRule {
	const problems: RuleProblems = {};
	const latency = number(rule.latency, 'Latency', MAX_DELAY_MS, 'ms');
	const jitter = number(rule.jitter, 'Jitter', MAX_DELAY_MS, 'ms');
	const probability = rule.failure === 'none' ? { value: 100 } : number(rule.probability, 'Probability', 100, '%');
	if ('problem' in latency) problems.latency = latency.problem;
	if ('problem' in jitter) problems.jitter = jitter.problem;
	if ('problem' in probability) problems.probability = probability.problem;
	if ('problem' in latency || 'problem' in jitter || 'problem' in probability) return { ok: false, problems };
	return { ok: true, latencyMs: latency.value, jitterMs: jitter.value, failure: rule.failure, probability: probability.value / 100 };
}

/** A rule that changes nothing (no delay, no failure) is not worth sending. */
function inert(c: Extract<CheckedRule, { ok: true }>): boolean {
	return c.latencyMs === 0 && c.jitterMs === 0 && (c.failure === 'none' || c.probability === 0);
}

/**
 * The valid rules as the network's LinkRules, in order (later rules win where they overlap, as in
 * the network). "Any service" as the target means each of `services`, never the Jaeger backend's
 * hosts: slowing span reports would only make runs hit the time limit, not teach anything.
 */
export function toLinkRules(rules: readonly ConditionRule[], services: readonly string[]): LinkRule[] {
	const out: LinkRule[] = [];
	for (const rule of rules) {
		const c = checkRule(rule);
		if (!c.ok || inert(c)) continue;
		const base: LinkRule = {};
		if (rule.from) base.from = rule.from;
		if (c.latencyMs) base.latencyMs = c.latencyMs;
		if (c.jitterMs) base.jitterMs = c.jitterMs;
		if (c.failure === 'reset' && c.probability > 0) base.fault = { drop: c.probability };
		if (c.failure === 'status-500' && c.probability > 0) base.fault = { errorStatus: 500, errorRate: c.probability };
		if (c.failure === 'status-503' && c.probability > 0) base.fault = { errorStatus: 503, errorRate: c.probability };
		const targets = rule.to ? [rule.to] : services;
		for (const to of targets) out.push({ ...base, to });
	}
	return out;
}

/** "any → formatter: +300 ms, HTTP 500 (50%)": a rule in a few words, for the collapsed panel. */
export function describeRule(rule: ConditionRule): string {
	const c = checkRule(rule);
	const head = `${rule.from || 'any'} → ${rule.to || 'any'}`;
	if (!c.ok) return `${head}: invalid, not applied`;
	const parts: string[] = [];
	if (c.latencyMs) parts.push(`+${c.latencyMs} ms each way`);
	if (c.jitterMs) parts.push(`jitter ${c.jitterMs} ms`);
	if (c.failure !== 'none' && c.probability > 0) {
		const label = FAILURES.find((f) => f.value === c.failure)!.label;
		parts.push(c.probability === 1 ? label : `${label} (${Math.round(c.probability * 1000) / 10}%)`);
	}
	return `${head}: ${parts.length ? parts.join(', ') : 'no change'}`;
}

// --- saving -------------------------------------------------------------------------------------

/** Bump when the saved shape changes, and teach `parseConditions` to read the old one. */
export const CONDITIONS_VERSION = 1;

export interface SavedConditions {
	version: number;
	rules: ConditionRule[];
}

export const MAX_RULES = 20;

export function serializeConditions(rules: readonly ConditionRule[]): SavedConditions {
	return { version: CONDITIONS_VERSION, rules: rules.slice(0, MAX_RULES).map((r) => ({ ...r })) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, fallback: string, max = 64) => (typeof v === 'string' ? v.slice(0, max) : typeof v === 'number' && Number.isFinite(v) ? String(v) : fallback);
const SERVICE = /^[a-z0-9-]{0,63}$/;

/**
 * Saved or shared conditions → rules; never throws. Anything unreadable is dropped (a rule, or all
 * of them): a damaged rule must not cost the learner their saved files. Data from a newer version is
 * ignored rather than misread.
 */
export function parseConditions(raw: unknown): ConditionRule[] {
	if (!isRecord(raw) || raw.version !== CONDITIONS_VERSION || !Array.isArray(raw.rules)) return [];
	const rules: ConditionRule[] = [];
	for (const r of raw.rules.slice(0, MAX_RULES)) {
		if (!isRecord(r)) continue;
		const from = text(r.from, '');
		const to = text(r.to, '');
		if (!SERVICE.test(from) || !SERVICE.test(to)) continue;
		const failure = FAILURES.some((f) => f.value === r.failure) ? (r.failure as Failure) : 'none';
		rules.push({ from, to, latency: text(r.latency, '0'), jitter: text(r.jitter, '0'), failure, probability: text(r.probability, '100') });
	}
	return rules;
}
