// `tour/mysql` on Node: mysql2/promise itself (the course's client has its shape), pointed at this
// machine's MySQL (docker compose's `mysql`, loaded with the step's data.sql).
import mysql from 'mysql2/promise';
import { localHost } from './hosts.js';

const here = (options = {}) => ({ ...options, host: localHost(options.host ?? 'mysql') });
export const createPool = (options) => mysql.createPool(here(options));
export const createConnection = (options) => mysql.createConnection(here(options));
