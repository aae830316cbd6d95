// MySQL's errors as the server reports them (code, errno, SQLSTATE, message): mysql2 hands exactly
// these fields to the learner, so the simulated database speaks the same names.

export interface SqlErrorFields {
	code: string;
	errno: number;
	sqlState: string;
	sqlMessage: string;
}

export class SqlError extends Error {
	constructor(
		readonly code: string,
		readonly errno: number,
		readonly sqlState: string,
		message: string
	) {
		super(message);
	}

	toJSON(): SqlErrorFields {
		return { code: this.code, errno: this.errno, sqlState: this.sqlState, sqlMessage: this.message };
	}
}

/** What the simulated database understands, named in every "not supported" message. */
export const SUPPORTED =
	'SELECT cols|*|COUNT(*) FROM t [WHERE a = ? [AND …]] [ORDER BY a [ASC|DESC]] [LIMIT n], SELECT SLEEP(n), ' +
	'INSERT INTO t (cols) VALUES (…), UPDATE t SET a = ? [WHERE …], DELETE FROM t [WHERE …], CREATE TABLE';

const clip = (s: string) => (s.length > 80 ? s.slice(0, 80) : s);

export const sqlErrors = {
	parse: (near: string, line: number) =>
		new SqlError(
			'ER_PARSE_ERROR',
			1064,
			'42000',
			`You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${clip(near)}' at line ${line} (the simulated database supports: ${SUPPORTED})`
		),
	notSupported: (what: string) =>
		new SqlError('ER_NOT_SUPPORTED_YET', 1235, '42000', `This version of MySQL doesn't yet support '${clip(what)}' (the simulated database supports: ${SUPPORTED})`),
	noSuchTable: (db: string, t: string) => new SqlError('ER_NO_SUCH_TABLE', 1146, '42S02', `Table '${db}.${clip(t)}' doesn't exist`),
	tableExists: (t: string) => new SqlError('ER_TABLE_EXISTS_ERROR', 1050, '42S01', `Table '${clip(t)}' already exists`),
	badField: (c: string, where: string) => new SqlError('ER_BAD_FIELD_ERROR', 1054, '42S22', `Unknown column '${clip(c)}' in '${where}'`),
	dupField: (c: string) => new SqlError('ER_DUP_FIELDNAME', 1060, '42S21', `Duplicate column name '${clip(c)}'`),
	fieldTwice: (c: string) => new SqlError('ER_FIELD_SPECIFIED_TWICE', 1110, '42000', `Column '${clip(c)}' specified twice`),
	multiplePrimary: () => new SqlError('ER_MULTIPLE_PRI_KEY', 1068, '42000', 'Multiple primary key defined'),
	wrongAutoKey: () =>
		new SqlError('ER_WRONG_AUTO_KEY', 1075, '42000', 'Incorrect table definition; there can be only one auto column and it must be defined as a key'),
	invalidDefault: (c: string) => new SqlError('ER_INVALID_DEFAULT', 1067, '42000', `Invalid default value for '${clip(c)}'`),
	noDb: () => new SqlError('ER_NO_DB_ERROR', 1046, '3D000', 'No database selected'),
	valueCount: (row: number) => new SqlError('ER_WRONG_VALUE_COUNT_ON_ROW', 1136, '21S01', `Column count doesn't match value count at row ${row}`),
	dupEntry: (v: string, t: string) => new SqlError('ER_DUP_ENTRY', 1062, '23000', `Duplicate entry '${clip(v)}' for key '${clip(t)}.PRIMARY'`),
	badNull: (c: string) => new SqlError('ER_BAD_NULL_ERROR', 1048, '23000', `Column '${clip(c)}' cannot be null`),
	noDefault: (c: string) => new SqlError('ER_NO_DEFAULT_FOR_FIELD', 1364, 'HY000', `Field '${clip(c)}' doesn't have a default value`),
	tooLong: (c: string, row: number) => new SqlError('ER_DATA_TOO_LONG', 1406, '22001', `Data too long for column '${clip(c)}' at row ${row}`),
	outOfRange: (c: string, row: number) => new SqlError('ER_WARN_DATA_OUT_OF_RANGE', 1264, '22003', `Out of range value for column '${clip(c)}' at row ${row}`),
	wrongValue: (type: string, v: string, c: string, row: number) =>
		new SqlError('ER_TRUNCATED_WRONG_VALUE_FOR_FIELD', 1366, 'HY000', `Incorrect ${type} value: '${clip(v)}' for column '${clip(c)}' at row ${row}`),
	wrongDatetime: (v: string, c: string, row: number) =>
		new SqlError('ER_TRUNCATED_WRONG_VALUE', 1292, '22007', `Incorrect datetime value: '${clip(v)}' for column '${clip(c)}' at row ${row}`),
	wrongArguments: (what: string) => new SqlError('ER_WRONG_ARGUMENTS', 1210, 'HY000', `Incorrect arguments to ${what}`),
	tooManyParams: (max: number) => new SqlError('ER_PS_MANY_PARAM', 1390, 'HY000', `Prepared statement contains too many placeholders (the simulated database takes at most ${max})`),
	packetTooLarge: (max: number) => new SqlError('ER_NET_PACKET_TOO_LARGE', 1153, '08S01', `Got a packet bigger than 'max_allowed_packet' bytes (the simulated database takes statements up to ${max} characters)`),
	tableFull: (t: string, why: string) => new SqlError('ER_RECORD_FILE_FULL', 1114, 'HY000', `The table '${clip(t)}' is full (${why})`),
	cantCreate: (db: string, t: string, why: string) => new SqlError('ER_CANT_CREATE_TABLE', 1005, 'HY000', `Can't create table '${db}.${clip(t)}' (${why})`),
	tooManyFields: () => new SqlError('ER_TOO_MANY_FIELDS', 1117, 'HY000', 'Too many columns'),
	tooLongIdent: (name: string) => new SqlError('ER_TOO_LONG_IDENT', 1059, '42000', `Identifier name '${clip(name)}' is too long`),
	tooBigSelect: (max: number) =>
		new SqlError('ER_TOO_BIG_SELECT', 1104, '42000', `The SELECT would return more than ${max} rows, the simulated database's limit; narrow the WHERE or add a LIMIT`),
	tooBigRowSize: (max: number) => new SqlError('ER_TOO_BIG_ROWSIZE', 1118, '42000', `Row size too large: the simulated database keeps at most ${max} characters in all`)
};
