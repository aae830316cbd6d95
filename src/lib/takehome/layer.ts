// The Node layer's files, as text: they are written to the project's tour/ folder unchanged.
import amqp from './node-layer/amqp.js?raw';
import grpc from './node-layer/grpc.js?raw';
import hosts from './node-layer/hosts.js?raw';
import http from './node-layer/http.js?raw';
import lifecycle from './node-layer/lifecycle.js?raw';
import mysql from './node-layer/mysql.js?raw';
import processModule from './node-layer/process.js?raw';
import redis from './node-layer/redis.js?raw';
import runService from './node-layer/run-service.js?raw';
import start from './node-layer/start.js?raw';
import time from './node-layer/time.js?raw';
import tracing from './node-layer/tracing.js?raw';

/** tour/<name>.js → its text; the modules learner code imports are named in MODULES. */
export const LAYER_FILES: Record<string, string> = {
	'amqp.js': amqp,
	'grpc.js': grpc,
	'hosts.js': hosts,
	'http.js': http,
	'lifecycle.js': lifecycle,
	'mysql.js': mysql,
	'process.js': processModule,
	'redis.js': redis,
	'run-service.js': runService,
	'start.js': start,
	'time.js': time,
	'tracing.js': tracing
};

/** The course's modules learner code may import, each a file of tour/. */
export const MODULES = ['http', 'process', 'time', 'tracing', 'amqp', 'redis', 'mysql', 'grpc'] as const;
