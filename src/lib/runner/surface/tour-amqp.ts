// `tour/amqp` as learner code sees it: the object createAmqpModule builds for each service, shaped
// like amqplib's promise API. Typings generated from here; see tour-http.ts. The classes are
// exported as types only: learners get them from connect()/createChannel(), never construct them.
import type { TourAmqp } from '$lib/sim';
import type { Connection as C, Channel as Ch, MessageContent as MC } from '$lib/sim/runtime/amqp';
export type {
	ConsumeMessage,
	MessageProperties,
	PublishOptions,
	Content,
	AssertQueueOptions,
	AssertExchangeOptions,
	ConsumeOptions,
	DeleteQueueOptions,
	AmqpError
} from '$lib/sim/runtime/amqp';
/** what connect() resolves to (amqplib's ChannelModel) */
export type Connection = C;
export type Channel = Ch;
/** a message's bytes (a Uint8Array, like a Buffer): `msg.content.toString()` is its text */
export type MessageContent = MC;

export declare const connect: TourAmqp['connect'];
export declare const IllegalOperationError: TourAmqp['IllegalOperationError'];
