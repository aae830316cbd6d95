import type { NetworkErrorCode } from '../types';

/**
 * The error a client gets when a message cannot be delivered. Shaped like Node's system errors
 * (`code`, `syscall`, `hostname`, `port`) so learners meet the same names they will meet in production.
 */
export class NetworkError extends Error {
	readonly code: NetworkErrorCode;
	readonly syscall: string;
	readonly hostname: string;
	readonly port: number;

	constructor(code: NetworkErrorCode, hostname: string, port: number) {
		const syscall = code === 'ENOTFOUND' ? 'getaddrinfo' : code === 'ECONNRESET' ? 'read' : 'connect';
		const what = code === 'ENOTFOUND' ? hostname : `${hostname}:${port}`;
		super(code === 'ECONNRESET' ? 'socket hang up' : `${syscall} ${code} ${what}`);
		this.name = 'Error';
		this.code = code;
		this.syscall = syscall;
		this.hostname = hostname;
		this.port = port;
	}
}

export function isNetworkError(e: unknown): e is NetworkError {
	return typeof e === 'object' && e !== null && typeof (e as NetworkError).code === 'string' && 'syscall' in e;
}
