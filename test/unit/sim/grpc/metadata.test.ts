// Metadata as grpc-js has it: lower-cased, validated keys; bytes only under -bin keys, base64 on the wire.
import { describe, expect, it } from 'vitest';
import { Metadata, decodeBase64, encodeBase64, metadataFromHeaders, metadataToHeaders } from '../../../../src/lib/sim/grpc';

describe('Metadata', () => {
	it('lower-cases keys; set replaces, add appends, get returns every value, getMap the first', () => {
		const md = new Metadata();
		md.set('Uber-Trace-Id', 'abc:def:0:1');
		md.add('x-tag', 'a');
		md.add('X-TAG', 'b');
		expect(md.get('uber-trace-id')).toEqual(['abc:def:0:1']);
		expect(md.get('x-tag')).toEqual(['a', 'b']);
		expect(md.get('missing')).toEqual([]);
		expect(md.getMap()).toEqual({ 'uber-trace-id': 'abc:def:0:1', 'x-tag': 'a' });
		md.set('x-tag', 'c');
		expect(md.get('x-tag')).toEqual(['c']);
		md.remove('X-Tag');
		expect(md.get('x-tag')).toEqual([]);
	});

	it('clone is independent, bytes included', () => {
		const md = new Metadata();
		md.set('trace-bin', new Uint8Array([1, 2, 3]));
		const copy = md.clone();
		(copy.get('trace-bin')[0] as Uint8Array)[0] = 9;
		copy.set('k', 'v');
		expect(md.get('trace-bin')[0]).toEqual(new Uint8Array([1, 2, 3]));
		expect(md.get('k')).toEqual([]);
	});

	it('throws as grpc-js does for illegal keys and wrong value types', () => {
		const md = new Metadata();
		expect(() => md.set('bad key', 'v')).toThrow('Metadata key "bad key" contains illegal characters');
		expect(() => md.set('trace-bin', 'not bytes')).toThrow("keys that end with '-bin' must have Buffer values");
		expect(() => md.set('trace', new Uint8Array([1]))).toThrow("keys that don't end with '-bin' must have String values");
		expect(() => md.set('trace', 'tab\there')).toThrow('contains illegal characters');
		expect(() => md.add('x', 42 as unknown as string)).toThrow('must have String values');
	});

	it('-bin values go base64 on the wire and come back as Uint8Array; repeated values fold', () => {
		const md = new Metadata();
		md.set('trace-bin', new Uint8Array([0, 255, 16, 1]));
		md.add('trace-bin', new Uint8Array([7]));
		md.add('x-multi', 'a');
		md.add('x-multi', 'b');
		const headers = metadataToHeaders(md);
		expect(headers).toEqual({ 'trace-bin': 'AP8QAQ==,Bw==', 'x-multi': 'a, b' });
		const back = metadataFromHeaders(headers);
		expect(back.problems).toEqual([]);
		expect(back.metadata.get('trace-bin')).toEqual([new Uint8Array([0, 255, 16, 1]), new Uint8Array([7])]);
		expect(back.metadata.get('x-multi')).toEqual(['a, b']);
	});

	it('reads unpadded base64 too; refuses what is not base64', () => {
		expect(decodeBase64('AP8QAQ')).toEqual(new Uint8Array([0, 255, 16, 1]));
		expect(decodeBase64('AP8QAQ==')).toEqual(new Uint8Array([0, 255, 16, 1]));
		expect(decodeBase64('')).toEqual(new Uint8Array([]));
		for (const bad of ['A', 'AP8QA===', 'AP8=QAQ=', '!!!!', 'AP8QAQ=', 'é']) expect(decodeBase64(bad)).toBeNull();
		const bytes = new Uint8Array(256).map((_, i) => i);
		expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
	});

	it('a hostile key such as __proto__ stays plain data', () => {
		const { metadata } = metadataFromHeaders(JSON.parse('{"__proto__": "x", "ok": "y"}'));
		const map = metadata.getMap();
		expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
		expect(map.__proto__ === 'x' || metadata.get('__proto__').length === 0).toBe(true);
		expect(map.ok).toBe('y');
	});
});
