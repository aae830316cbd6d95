// `tour/mysql` as learner code sees it (createMysqlModule): mysql2/promise's shape. Typings generated
// from here; see tour-http.ts.
import type { TourMysql } from '$lib/sim';
export type {
	Pool,
	Connection,
	PoolOptions,
	ConnectionOptions,
	FieldPacket,
	ResultSetHeader,
	RowDataPacket,
	QueryResult,
	QueryValue,
	QueryOptions,
	QueryError
} from '$lib/sim';

export declare const createPool: TourMysql['createPool'];
export declare const createConnection: TourMysql['createConnection'];
