import { describe, expect, it } from 'vitest';
import { summarizeAmqp, type NetworkRecordEx } from '../../../../src/lib/sim';

const rec = (method: string, body: unknown, status: number | null = 200, responseBody = '{}'): Pick<NetworkRecordEx, 'method' | 'url' | 'requestBody' | 'status' | 'responseBody'> => ({
	method,
	url: 'amqp://rabbitmq:5672/',
	requestBody: typeof body === 'string' ? body : JSON.stringify(body),
	status,
	responseBody
});

describe('summarizeAmqp', () => {
	it('one line per method', () => {
		expect(summarizeAmqp(rec('basic.publish', { exchange: '', routingKey: 'jobs' }))).toBe('publish → jobs');
		expect(summarizeAmqp(rec('basic.publish', { exchange: 'logs', routingKey: 'kern.info' }))).toBe('publish → logs (kern.info)');
		expect(summarizeAmqp(rec('basic.deliver', { queue: 'jobs', deliveryTag: 3, redelivered: true }))).toBe('deliver jobs #3 (redelivered)');
		expect(summarizeAmqp(rec('basic.ack', { deliveryTag: 3 }))).toBe('ack #3');
		expect(summarizeAmqp(rec('basic.ack', { deliveryTag: 5, multiple: true }))).toBe('ack up to #5');
		expect(summarizeAmqp(rec('basic.nack', { deliveryTag: 2, requeue: false }))).toBe('nack #2 (drop)');
		expect(summarizeAmqp(rec('queue.declare', { queue: '' }))).toBe('declare a server-named queue');
		expect(summarizeAmqp(rec('basic.consume', { queue: 'nope' }, 404, '{"code":404,"text":"NOT_FOUND - no queue \'nope\' in vhost \'/\'"}'))).toBe("consume nope → NOT_FOUND - no queue 'nope' in vhost '/'");
	});

	it('is safe on anything', () => {
		expect(summarizeAmqp(rec('basic.publish', 'not json'))).toBe('publish → ');
		expect(summarizeAmqp(rec('__proto__', '{"__proto__":1}'))).toBe('__proto__ amqp://rabbitmq:5672/');
		expect(summarizeAmqp(rec('basic.publish', { routingKey: 'x'.repeat(1000) })).length).toBeLessThanOrEqual(160);
	});
});
