// Router rules: parsing (with reasons), matching as Traefik v2's muxer matches, and span names.
import { describe, expect, it } from 'vitest';
import { canonicalHost, matchRule, parseRule, RuleError } from '../../../../src/lib/sim/proxy/rule';
import { generateOperationName } from '../../../../src/lib/sim/proxy/operation-name';
import { sha256Hex } from '../../../../src/lib/sim/proxy/sha256';

const req = (host: string, path: string, method = 'GET') => ({ host, path, method });
const matches = (rule: string, r: ReturnType<typeof req>) => matchRule(parseRule(rule), r);
const reason = (rule: string) => {
	try {
		parseRule(rule);
	} catch (e) {
		if (e instanceof RuleError) return e.message;
		throw e;
	}
	return 'parsed';
};

describe('rules', () => {
	it('Host (case-insensitive, several values), Path, PathPrefix (a plain prefix), Method', () => {
		expect(matches('Host(`Shop.Local`)', req('shop.local', '/'))).toBe(true);
		expect(matches('Host(`a.local`, `shop.local`)', req('shop.local', '/'))).toBe(true);
		expect(matches('Host(`shop.local.`)', req('shop.local', '/'))).toBe(true);
		expect(matches('Host(`shop.local`)', req('other.local', '/'))).toBe(false);
		expect(matches('Path(`/api`)', req('x', '/api'))).toBe(true);
		expect(matches('Path(`/api`)', req('x', '/api/'))).toBe(false);
		expect(matches('PathPrefix(`/api`)', req('x', '/api/items'))).toBe(true);
		expect(matches('PathPrefix(`/api`)', req('x', '/apis'))).toBe(true);
		expect(matches('PathPrefix(`/api`)', req('x', '/'))).toBe(false);
		expect(matches('Method(`post`, "PUT")', req('x', '/', 'PUT'))).toBe(true);
		expect(matches('Method(`POST`)', req('x', '/', 'GET'))).toBe(false);
	});

	it('&& binds tighter than ||; parentheses and ! group', () => {
		const r = 'Host(`a`) || Host(`b`) && Path(`/x`)';
		expect(matches(r, req('a', '/y'))).toBe(true);
		expect(matches(r, req('b', '/y'))).toBe(false);
		expect(matches('(Host(`a`) || Host(`b`)) && Path(`/x`)', req('a', '/y'))).toBe(false);
		expect(matches('Host(`a`) && !PathPrefix(`/admin`)', req('a', '/admin/x'))).toBe(false);
		expect(matches('Host(`a`) && !PathPrefix(`/admin`)', req('a', '/shop'))).toBe(true);
	});

	it('refuses what does not parse, with a reason and a column', () => {
		expect(reason('')).toBe('the rule is empty');
		expect(reason('Host(`a`')).toBe("expected ')' to close Host(, found the end of the rule");
		expect(reason('Host(`a`) & Path(`/`)')).toBe("'&' at column 11: use &&");
		expect(reason("Host('a')")).toBe("'…' at column 6: quote values with ` or \"");
		expect(reason('Host(`a)')).toBe('unterminated ` string at column 6');
		expect(reason('Host()')).toBe("expected a `quoted` value in Host(…), found ')' at column 6");
		expect(reason('Host(`a`) Path(`/`)')).toBe("expected && or || , found 'Path' at column 11");
		expect(reason('HostRegexp(`{x:.*}`)')).toBe('the HostRegexp matcher is not simulated here (use Host, Path, PathPrefix, Method)');
		expect(reason('PathPrefx(`/a`)')).toBe('unknown matcher PathPrefx (did you mean PathPrefix?)');
		expect(reason('Path(`api`)')).toBe('Path(`api`) must start with /');
		expect(reason('Path(`/api/{id}`)')).toBe('path templates such as {id} are not simulated in Path');
		expect(reason('Host(`shöp`)')).toBe('invalid value "shöp" for Host: a host name, ASCII only, no spaces');
		expect(reason('Host(`a`) && ;')).toBe("unexpected ';' at column 14");
	});

	it('deep nesting is refused quickly, not a stack overflow', () => {
		expect(reason('('.repeat(900) + 'Host(`a`)' + ')'.repeat(900))).toBe('the rule nests deeper than 32 levels');
		expect(reason('!'.repeat(1900) + 'Host(`a`)')).toBe('the rule nests deeper than 32 levels');
	});

	it('hostile input parses in linear time', () => {
		const t = performance.now();
		for (const evil of ['"' + '\\'.repeat(1999), '`'.repeat(1999), 'Host(`a`)' + ' || Host(`a`)'.repeat(150), 'a'.repeat(1999)]) {
			try {
				parseRule(evil);
			} catch {
				// refused is fine; slow is not
			}
		}
		expect(performance.now() - t).toBeLessThan(200);
	});

	it('the request host is compared without its port', () => {
		expect(canonicalHost('Shop.Local:8080')).toBe('shop.local');
		expect(canonicalHost('[::1]:80')).toBe('[::1]');
		expect(canonicalHost('[::1]')).toBe('[::1]');
		expect(canonicalHost('shop.local')).toBe('shop.local');
	});
});

describe('span names (Traefik’s generateOperationName)', () => {
	it('SHA-256 matches the standard vectors', () => {
		expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(sha256Hex('a'.repeat(1000))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
	});

	it('no limit, or a name within it: prefix and parts', () => {
		expect(generateOperationName('EntryPoint', ['web', 'shop.local'], ' ', 0).name).toBe('EntryPoint web shop.local');
		expect(generateOperationName('forward', ['frontend@file', 'shop@file'], '/', 100).name).toBe('forward frontend@file/shop@file');
	});

	it('over the limit: each part cut with ... and 8 hex digits of the full name’s hash', () => {
		const full = 'forward frontend@file/shop@file';
		const n = generateOperationName('forward', ['frontend@file', 'shop@file'], '/', 30);
		// (30 - (10 + 7 + 1)) / 2 = 6 characters per part, 3 of them the dots
		expect(n).toEqual({ name: `forward fro.../sho.../${sha256Hex(full).slice(0, 8)}`, fellBackTo: null });
		expect(generateOperationName('forward', ['frontend@file', 'shop@file'], '/', 5).fellBackTo).toBe(21);
	});
});
