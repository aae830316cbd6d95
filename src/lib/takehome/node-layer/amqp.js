// `tour/amqp` on Node: amqplib's promise API itself (the course's client has its shape), pointed at
// this machine's RabbitMQ (docker compose's `rabbitmq`).
import amqplib from 'amqplib';
import { localUrl } from './hosts.js';

export const connect = (url = 'amqp://rabbitmq:5672', options) => amqplib.connect(localUrl(url), options);
export const { IllegalOperationError } = amqplib;
