/**
 * Opening an SQLite database the way folio uses every one: WAL journal (readers never wait for a
 * writer), a busy timeout (a second folio process waits for the first one's write instead of
 * failing), and a schema version in `user_version`. better-sqlite3 (a native module) is loaded on
 * first use only, so printing a post never loads it.
 */
import {createRequire} from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

/** An open better-sqlite3 database. */
export type Database = BetterSqlite3.Database;

const load = createRequire(import.meta.url);
let constructor: typeof BetterSqlite3 | undefined;

/** How long (ms) a write waits for another process's write before giving up. */
export const busyTimeoutMs = 5000;

/**
 * Opens (creating when missing) the database in `file`, in WAL mode with a busy timeout. Throws
 * when the file cannot be opened or is not a database (the caller decides what that means).
 */
export function openDatabase(file: string): Database {
	constructor ??= load('better-sqlite3') as typeof BetterSqlite3;
	const db = new constructor(file, {timeout: busyTimeoutMs});
	try {
		db.pragma(`busy_timeout = ${busyTimeoutMs}`);
		// Reads the header: a file that is not a database fails here, not at the first query.
		db.pragma('journal_mode = WAL');
		db.pragma('synchronous = NORMAL');
		return db;
	} catch (error) {
		db.close();
		throw error;
	}
}

/** The schema version stored in the database (0 for a new one). */
export function schemaVersion(db: Database): number {
	return db.pragma('user_version', {simple: true}) as number;
}

/** Records the schema version (call inside the transaction that creates the schema). */
export function setSchemaVersion(db: Database, version: number): void {
	db.pragma(`user_version = ${Math.trunc(version)}`);
}

/** The first line of an error's message, for a one-line warning. */
export function firstLine(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
