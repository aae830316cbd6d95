import { describe, expect, it } from 'vitest';
import { parseDuration, parseLogfmt } from '../../../src/lib/backend/index';
import { parseDependencyWindow, parseTraceSearch } from '../../../src/lib/backend/query/params';

const NOW = 1_700_000_000_000_000;
const search = (qs: string) => parseTraceSearch(new URLSearchParams(qs), NOW);

describe('query parameters', () => {
	it('parses Go-style durations into µs', () => {
		expect(parseDuration('1.2ms')).toBe(1200);
		expect(parseDuration('500us')).toBe(500);
		expect(parseDuration('500µs')).toBe(500);
		expect(parseDuration('2s')).toBe(2e6);
		expect(parseDuration('1h30m')).toBe(5400e6);
		expect(parseDuration('2d')).toBe(172800e6);
		expect(parseDuration('0')).toBe(0);
		for (const bad of ['', '5', '-1s', '1 s', 'ms', '1x']) expect(parseDuration(bad)).toBeNull();
	});

	it('parses logfmt like the UI search box', () => {
		expect(parseLogfmt('http.status_code=200 error=true')).toEqual({ 'http.status_code': '200', error: 'true' });
		expect(parseLogfmt('k="v 2" q="say \\"hi\\"" flag')).toEqual({ k: 'v 2', q: 'say "hi"', flag: 'true' });
		expect(parseLogfmt('k="unterminated')).toBeNull();
	});

	it('builds a trace query from a full UI-style URL', () => {
		const r = search('service=api&operation=GET&tags=%7B%22error%22%3A%22true%22%7D&minDuration=1.2ms&maxDuration=2s&start=100&end=200&limit=5');
		expect(r).toEqual({
			ok: true,
			value: {
				traceIDs: [],
				query: { service: 'api', operation: 'GET', tags: { error: 'true' }, minDuration: 1200, maxDuration: 2e6, startMin: 100, startMax: 200, limit: 5 }
			}
		});
	});

	it('accepts logfmt tags, repeated tag=k:v, lookback and defaults the limit to 20', () => {
		const r = search('service=api&tags=error%3Dtrue%20http.method%3D%22GET%22&tag=a:b:c&lookback=1h');
		expect(r.ok && r.value.query).toEqual({
			service: 'api',
			tags: { error: 'true', 'http.method': 'GET', a: 'b:c' },
			startMin: NOW - 3600e6,
			limit: 20
		});
		const custom = search('service=api&lookback=custom');
		expect(custom.ok && custom.value.query!.startMin).toBeUndefined();
	});

	it('gives Jaeger-like messages for bad parameters', () => {
		const error = (qs: string) => {
			const r = search(qs);
			return r.ok ? 'ok' : r.error;
		};
		expect(error('operation=x')).toBe("parameter 'service' is required");
		expect(error('service=a&limit=ten')).toMatch(/unable to parse param 'limit'/);
		expect(error('service=a&minDuration=fast')).toMatch(/unable to parse param 'minDuration'/);
		expect(error('service=a&minDuration=2s&maxDuration=1s')).toBe("'maxDuration' should be greater than 'minDuration'");
		expect(error('service=a&start=yesterday')).toMatch(/unable to parse param 'start'/);
		expect(error('service=a&start=10&end=5')).toMatch(/'start' should be before 'end'/);
		expect(error('service=a&lookback=5')).toMatch(/unable to parse param 'lookback'/);
		expect(error('service=a&tags=%7Bbad')).toMatch(/malformed 'tags' parameter/);
		expect(error('service=a&tags=%5B1%5D')).toMatch(/malformed 'tags' parameter/);
		expect(error('service=a&tag=novalue')).toMatch(/malformed 'tag' parameter/);
	});

	it('takes traceID parameters instead of a search', () => {
		const r = search('traceID=abc&traceID=def');
		expect(r.ok && r.value).toEqual({ traceIDs: ['abc', 'def'], query: null });
	});

	it('reads the dependencies window in ms, or lookback as a duration', () => {
		const p = (qs: string) => parseDependencyWindow(new URLSearchParams(qs), NOW);
		expect(p('')).toEqual({ ok: true, value: { endTs: NOW, lookback: 86400e6 } });
		expect(p('endTs=1700000000000&lookback=3600000')).toEqual({ ok: true, value: { endTs: 1_700_000_000_000_000, lookback: 3600e6 } });
		expect(p('lookback=2d')).toEqual({ ok: true, value: { endTs: NOW, lookback: 172800e6 } });
		expect(p('endTs=soon').ok).toBe(false);
	});
});
