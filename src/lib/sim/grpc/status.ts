// gRPC status codes with the numbers every gRPC library uses (grpc-js exports them as `status`).

export const status = {
	OK: 0,
	CANCELLED: 1,
	UNKNOWN: 2,
	INVALID_ARGUMENT: 3,
	DEADLINE_EXCEEDED: 4,
	NOT_FOUND: 5,
	ALREADY_EXISTS: 6,
	PERMISSION_DENIED: 7,
	RESOURCE_EXHAUSTED: 8,
	FAILED_PRECONDITION: 9,
	ABORTED: 10,
	OUT_OF_RANGE: 11,
	UNIMPLEMENTED: 12,
	INTERNAL: 13,
	UNAVAILABLE: 14,
	DATA_LOSS: 15,
	UNAUTHENTICATED: 16
} as const;

export type StatusName = keyof typeof status;
export type StatusCode = (typeof status)[StatusName];

const NAMES: readonly string[] = Object.keys(status);

/** 14 → 'UNAVAILABLE'; anything else → 'UNKNOWN' (as a client treats a code it does not know). */
export function statusName(code: number): StatusName {
	return (Number.isInteger(code) && code >= 0 && code < NAMES.length ? NAMES[code] : 'UNKNOWN') as StatusName;
}

/**
 * What a gRPC client makes of an HTTP status that is not 200 (a proxy or a fault answered instead of
 * the server), the mapping grpc-js applies.
 */
export function statusFromHttp(httpStatus: number): StatusCode {
	switch (httpStatus) {
		case 400:
			return status.INTERNAL;
		case 401:
			return status.UNAUTHENTICATED;
		case 403:
			return status.PERMISSION_DENIED;
		case 404:
			return status.UNIMPLEMENTED;
		case 429:
		case 502:
		case 503:
		case 504:
			return status.UNAVAILABLE;
		default:
			return status.UNKNOWN;
	}
}
