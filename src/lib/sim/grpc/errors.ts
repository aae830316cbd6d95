import { Metadata } from './metadata';
import { status, statusName, type StatusCode } from './status';

/** What a failed call rejects with, shaped as grpc-js's ServiceError. */
export interface ServiceError extends Error {
	code: StatusCode;
	details: string;
	metadata: Metadata;
}

/** A status as a handler or an interceptor gives it: `{ code, details, metadata? }`. */
export interface StatusObject {
	code: number;
	details?: string;
	metadata?: Metadata;
}

export const isStatusCode = (c: unknown): c is StatusCode => typeof c === 'number' && Number.isInteger(c) && c >= 0 && c <= 16;

/** grpc-js's message: '5 NOT_FOUND: no route to Mars' */
export function serviceError(code: number, details: string, metadata: Metadata = new Metadata()): ServiceError {
	const c = isStatusCode(code) ? code : status.UNKNOWN;
	return Object.assign(new Error(`${c} ${statusName(c)}: ${details}`), { code: c, details, metadata });
}

export function isServiceError(e: unknown): e is ServiceError {
	return e instanceof Error && typeof (e as ServiceError).code === 'number' && typeof (e as ServiceError).details === 'string';
}

/**
 * Whatever a server handler failed with → the status it sends, as grpc-js decides: an integer `code`
 * is kept (with `details` when it is a string, else the message); anything else is UNKNOWN.
 */
export function statusOfError(e: unknown): { code: StatusCode; details: string; metadata: Metadata | null } {
	const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
	const message = typeof o.message === 'string' ? o.message : e === undefined || e === null ? 'Unknown Error' : String(e);
	const metadata = o.metadata instanceof Metadata ? o.metadata : null;
	if (isStatusCode(o.code)) {
		return { code: o.code, details: typeof o.details === 'string' ? o.details : message, metadata };
	}
	return { code: status.UNKNOWN, details: message, metadata };
}
