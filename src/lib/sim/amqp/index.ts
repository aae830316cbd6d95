// The simulated RabbitMQ (rabbitmq:5672): the host a run starts, its wire format, and the Network panel's summary line.
export { amqpBrokerKind } from './host';
export { createBroker, type Broker } from './broker';
export { summarizeAmqp } from './summary';
export { BROKER_HOST, BROKER_PORT, AMQP_LIMITS } from './protocol';
