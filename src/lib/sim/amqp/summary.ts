import type { NetworkRecordEx } from '../types';

const MAX = 160;

/**
 * One line for the Network panel from an AMQP record's method, URL and body: 'publish → jobs',
 * 'deliver jobs #3 (redelivered)', 'ack #3'. Pure, and safe on anything (a hand-crafted request).
 */
export function summarizeAmqp(record: Pick<NetworkRecordEx, 'method' | 'url' | 'requestBody' | 'status' | 'responseBody'>): string {
	const b = parse(record.requestBody);
	const s = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
	const n = (k: string) => (typeof b[k] === 'number' ? (b[k] as number) : '?');
	const tagged = (verb: string) => `${verb} ${b.multiple === true ? 'up to ' : ''}#${n('deliveryTag')}`;
	const requeue = () => (b.requeue === false ? ' (drop)' : ' (requeue)');
	let line: string;
	switch (String(record.method).toLowerCase()) {
		case 'basic.publish':
			line = s('exchange') ? `publish → ${s('exchange')} (${s('routingKey')})` : `publish → ${s('routingKey')}`;
			break;
		case 'basic.deliver':
			line = `deliver ${s('queue') || s('routingKey')} #${n('deliveryTag')}${b.redelivered === true ? ' (redelivered)' : ''}`;
			break;
		case 'basic.ack':
			line = tagged('ack');
			break;
		case 'basic.nack':
			line = tagged('nack') + requeue();
			break;
		case 'basic.reject':
			line = tagged('reject') + requeue();
			break;
		case 'basic.consume':
			line = `consume ${s('queue')}`;
			break;
		case 'basic.cancel':
			line = `cancel ${s('consumerTag')}`;
			break;
		case 'basic.qos':
			line = `prefetch ${n('prefetchCount')}`;
			break;
		case 'queue.declare':
			line = b.passive === true ? `check queue ${s('queue')}` : s('queue') ? `declare queue ${s('queue')}` : 'declare a server-named queue';
			break;
		case 'queue.bind':
			line = `bind ${s('queue')} ← ${s('exchange')} (${s('routingKey')})`;
			break;
		case 'queue.unbind':
			line = `unbind ${s('queue')} ← ${s('exchange')} (${s('routingKey')})`;
			break;
		case 'queue.purge':
			line = `purge ${s('queue')}`;
			break;
		case 'queue.delete':
			line = `delete queue ${s('queue')}`;
			break;
		case 'exchange.declare':
			line = `declare ${s('type') || 'an'} exchange ${s('exchange')}`;
			break;
		case 'connection.open':
			line = 'open connection';
			break;
		case 'connection.close':
			line = 'close connection';
			break;
		case 'channel.open':
			line = 'open channel';
			break;
		case 'channel.close':
			line = `close channel ${n('channel')}`;
			break;
		default:
			line = `${String(record.method)} ${String(record.url)}`;
	}
	if (record.status !== null && record.status !== 200) {
		const text = parse(record.responseBody).text;
		if (typeof text === 'string') line += ` → ${text}`;
	}
	return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line;
}

function parse(body: string): Record<string, unknown> {
	try {
		const v: unknown = JSON.parse(body);
		return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}
