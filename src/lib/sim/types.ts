// Messages on the simulated network. Plain data: they are the only thing that crosses between
// service workers, so a span object can never leak from one service to another.

/** Header names are stored lower-case, as HTTP/2 and Node's IncomingMessage do. */
export type HeaderMap = Record<string, string>;

export interface SimRequest {
	method: string;
	/** Absolute URL with a service name as host: http://formatter:8081/format?helloTo=Bryan */
	url: string;
	headers: HeaderMap;
	body: string;
}

export interface SimResponse {
	status: number;
	headers: HeaderMap;
	body: string;
}

/** Anything that answers requests on host:port — a learner's server or a backend component. */
export type SimHandler = (req: SimRequest) => Promise<SimResponse> | SimResponse;

/** One message as the Network panel shows it. */
export interface NetworkRecord {
	id: number;
	from: string;
	to: string;
	method: string;
	url: string;
	requestHeaders: HeaderMap;
	requestBody: string;
	status: number | null;
	responseHeaders: HeaderMap;
	responseBody: string;
	/** ms since the world started */
	startedAt: number;
	/** ms, null while in flight */
	latency: number | null;
	/** e.g. 'ECONNREFUSED', 'dropped by fault injection' */
	error: string | null;
}
