import { describe, expect, it } from 'vitest';
import {
	checkRule,
	describeRule,
	newRule,
	parseConditions,
	serializeConditions,
	toLinkRules,
	CONDITIONS_VERSION,
	MAX_RULES,
	type ConditionRule
} from '../../../src/lib/runner/conditions';
import { linkBehaviour } from '../../../src/lib/sim/network/links';

const services = ['hello', 'formatter', 'publisher'];

describe('checkRule', () => {
	it('accepts plain numbers, trims them, and reads an empty field as 0', () => {
		expect(checkRule(newRule({ latency: ' 300 ', jitter: '' }))).toEqual({ ok: true, latencyMs: 300, jitterMs: 0, failure: 'none', probability: 1 });
		expect(checkRule(newRule({ latency: '12.5', failure: 'reset', probability: '25' }))).toMatchObject({ ok: true, latencyMs: 12.5, probability: 0.25 });
	});

	it.each([
		['-5', 'Latency cannot be negative.'],
		['1000000000', 'Latency must be at most 60,000 ms.'],
		['NaN', 'Latency must be a number of ms.'],
		['abc', 'Latency must be a number of ms.'],
		['0x10', 'Latency must be a number of ms.'],
		['1e3', 'Latency must be a number of ms.'],
		['Infinity', 'Latency must be a number of ms.']
	])('refuses latency %j with a clear message', (latency, message) => {
		expect(checkRule(newRule({ latency }))).toEqual({ ok: false, problems: { latency: message } });
	});

	it('reports every bad field at once', () => {
		const c = checkRule(newRule({ latency: '-1', jitter: 'x', failure: 'status-500', probability: '150' }));
		expect(c).toEqual({
			ok: false,
			problems: { latency: 'Latency cannot be negative.', jitter: 'Jitter must be a number of ms.', probability: 'Probability must be at most 100 %.' }
		});
	});

	it('ignores the probability when there is no failure', () => {
		expect(checkRule(newRule({ probability: 'junk' })).ok).toBe(true);
	});
});

describe('toLinkRules', () => {
	it('turns "any → formatter, 300 ms" into one LinkRule', () => {
		expect(toLinkRules([newRule({ to: 'formatter', latency: '300' })], services)).toEqual([{ to: 'formatter', latencyMs: 300 }]);
	});

	it('expands "any" as the target into the services only, so span reports to the backend are untouched', () => {
		const links = toLinkRules([newRule({ from: 'hello', latency: '50', jitter: '10' })], services);
		expect(links).toEqual(services.map((to) => ({ from: 'hello', to, latencyMs: 50, jitterMs: 10 })));
		expect(linkBehaviour(links, 'hello', 'jaeger-agent', 6831)).toEqual({ latencyMs: 0, jitterMs: 0, fault: null });
		expect(linkBehaviour(links, 'hello', 'formatter', 8081).latencyMs).toBe(50);
	});

	it('maps failures onto the network\'s faults with their probability', () => {
		expect(toLinkRules([newRule({ to: 'formatter', failure: 'reset' })], services)).toEqual([{ to: 'formatter', fault: { drop: 1 } }]);
		expect(toLinkRules([newRule({ to: 'formatter', failure: 'status-500', probability: '50' })], services)).toEqual([
			{ to: 'formatter', fault: { errorStatus: 500, errorRate: 0.5 } }
		]);
		expect(toLinkRules([newRule({ to: 'publisher', failure: 'status-503' })], services)[0].fault).toEqual({ errorStatus: 503, errorRate: 1 });
	});

	it('leaves out invalid rules and rules that change nothing, keeping the order of the rest', () => {
		const rules: ConditionRule[] = [
			newRule({ to: 'formatter', latency: '-3' }),
			newRule({ to: 'formatter' }),
			newRule({ to: 'formatter', failure: 'reset', probability: '0' }),
			newRule({ to: 'formatter', latency: '100' }),
			newRule({ to: 'formatter', latency: '5' })
		];
		const links = toLinkRules(rules, services);
		expect(links).toEqual([
			{ to: 'formatter', latencyMs: 100 },
			{ to: 'formatter', latencyMs: 5 }
		]);
		expect(linkBehaviour(links, 'hello', 'formatter', 8081).latencyMs).toBe(5);
	});
});

describe('describeRule', () => {
	it('says a rule in a few words', () => {
		expect(describeRule(newRule({ to: 'formatter', latency: '300' }))).toBe('any → formatter: +300 ms each way');
		expect(describeRule(newRule({ from: 'hello', to: 'publisher', failure: 'status-500', probability: '50' }))).toBe('hello → publisher: HTTP 500 (50%)');
		expect(describeRule(newRule())).toBe('any → any: no change');
		expect(describeRule(newRule({ latency: '-1' }))).toBe('any → any: invalid, not applied');
	});
});

describe('saving conditions', () => {
	it('round-trips through JSON, including what is still being typed', () => {
		const rules = [newRule({ to: 'formatter', latency: '300' }), newRule({ from: 'hello', latency: '-', failure: 'reset', probability: '10' })];
		const saved = JSON.parse(JSON.stringify(serializeConditions(rules)));
		expect(saved.version).toBe(CONDITIONS_VERSION);
		expect(parseConditions(saved)).toEqual(rules);
	});

	it('never throws, and reads nothing from junk, missing data or a newer version', () => {
		for (const raw of [undefined, null, 3, 'x', [], {}, { version: 1 }, { version: 1, rules: 'x' }, { version: CONDITIONS_VERSION + 1, rules: [newRule()] }]) {
			expect(parseConditions(raw)).toEqual([]);
		}
	});

	it('drops damaged rules and repairs damaged fields', () => {
		const rules = parseConditions({
			version: 1,
			rules: [null, 'x', { from: 'Not A Host!' }, { to: 'formatter', latency: 300, failure: 'meltdown' }, { from: 'hello' }]
		});
		expect(rules).toEqual([newRule({ to: 'formatter', latency: '300' }), newRule({ from: 'hello' })]);
	});

	it('keeps at most MAX_RULES rules', () => {
		const many = Array.from({ length: MAX_RULES + 5 }, () => newRule());
		expect(serializeConditions(many).rules).toHaveLength(MAX_RULES);
		expect(parseConditions({ version: 1, rules: many })).toHaveLength(MAX_RULES);
	});
});
