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

/**
 * What a host on the page (a broker, Redis, a database, the proxy — never learner code) may do with
 * the message it is answering: say what it was in the Network panel's words, or park it.
 */
export interface Exchange {
	/** a line for the Network panel: '3 rows · waited 12 ms for a connection', 'redelivered' */
	note(text: string): void;
	/**
	 * A request that may wait for ever (a blocking BRPOP with no timeout, a subscription) stops
	 * counting as in flight, so the run can end while it waits. Idempotent.
	 */
	park(): void;
}

/** Anything that answers requests on host:port — a learner's server or a backend component. */
export type SimHandler = (req: SimRequest) => Promise<SimResponse> | SimResponse;

/** What the network calls for a request to a port: a SimHandler, or a simulated host that uses the Exchange. */
export type PortHandler = (req: SimRequest, exchange: Exchange) => Promise<SimResponse> | SimResponse;

/**
 * The protocols on the simulated network. Each rides on the same request/response messages: the
 * URL's scheme names it (amqp://, redis://, mysql://), gRPC is HTTP/2 with content-type
 * application/grpc, as in real life.
 */
export type Protocol = 'http' | 'grpc' | 'amqp' | 'redis' | 'sql';

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

/** Which traffic a record belongs to: learner services talking, or spans/queries to the Jaeger backend. */
export type TrafficKind = 'service' | 'backend';

/** NetworkRecord plus what the Network panel filters and labels by. */
export interface NetworkRecordEx extends NetworkRecord {
	kind: TrafficKind;
	/** fault injected on this message, e.g. 'drop', 'status 503', 'delay 200ms' */
	fault: string | null;
	protocol: Protocol;
	/** what the answering host said about it (Exchange.note) */
	note: string | null;
}

/** The errors a real HTTP client reports, by their Node error codes. */
export type NetworkErrorCode = 'ENOTFOUND' | 'ECONNREFUSED' | 'ECONNRESET' | 'ETIMEDOUT';

/** Latency and faults for the links that match (unset fields match everything). Later rules win. */
export interface LinkRule {
	from?: string;
	to?: string;
	port?: number;
	/** one-way delay, applied to the request and again to the response */
	latencyMs?: number;
	/** uniform extra delay in [0, jitterMs) per leg */
	jitterMs?: number;
	fault?: FaultRule;
}

export interface FaultRule {
	/** probability 0..1 that the request is lost: the client sees ECONNRESET (socket hang up) */
	drop?: number;
	/** answer with this status instead of calling the server … */
	errorStatus?: number;
	/** … with this probability 0..1 (default 1 when errorStatus is set) */
	errorRate?: number;
	/** extra delay before the server sees the request */
	delayMs?: number;
}
