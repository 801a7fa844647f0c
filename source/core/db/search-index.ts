/**
 * Full-text search in the archive's index database: an FTS5 table over the text a reader sees of
 * each post (see searchDocument), keyed by the `files` row id, and the query of it. The table holds
 * the tokens the plain matcher compares (see tokenText): Latin words whole, each Chinese, Japanese,
 * Korean or Thai character as its own token, so a search of any length is a phrase of tokens and
 * finds exactly what matchesDocument finds. The readable body is kept compressed beside it, so a
 * search can show the line that matched without reading the post's file.
 */
import zlib from 'node:zlib';
import type {Database, Statement} from 'better-sqlite3';
import {fieldTokens, type Query, type QueryTerm} from '../query.js';
import {isOwnToken} from '../search-tokens.js';
import type {SearchDocument} from '../types.js';

/** Bumped when what the tables hold changes: an index of another version must be rebuilt. */
export const searchSchemaVersion = 1;

/** FTS5 columns, in order, and the query field each one answers. */
const columns = ['title', 'body', 'category', 'tag', 'author'] as const;

type Statements = {
	readonly insertText: Statement;
	readonly deleteText: Statement;
	readonly putBody: Statement;
	readonly deleteBody: Statement;
	readonly getBody: Statement;
};

const prepared = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
	let found = prepared.get(db);
	if (found === undefined) {
		found = {
			insertText: db.prepare(`INSERT INTO search_text(rowid, ${columns.join(', ')}) VALUES (?, ?, ?, ?, ?, ?)`),
			deleteText: db.prepare('DELETE FROM search_text WHERE rowid = ?'),
			putBody: db.prepare('INSERT OR REPLACE INTO search_docs(id, body) VALUES (?, ?)'),
			deleteBody: db.prepare('DELETE FROM search_docs WHERE id = ?'),
			getBody: db.prepare('SELECT body FROM search_docs WHERE id = ?'),
		};
		prepared.set(db, found);
	}
	return found;
}

/**
 * Creates the search tables when they are missing (safe to call on every open). Tables of another
 * searchSchemaVersion are dropped and made again, empty: their documents must be put again.
 * Returns true when the tables were made (empty) by this call.
 */
export function createSearchSchema(db: Database): boolean {
	db.exec('CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)');
	const row = db.prepare("SELECT value FROM search_meta WHERE key = 'version'").get() as {value: number} | undefined;
	const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_text'").get() !== undefined;
	if (row?.value === searchSchemaVersion && exists) return false;
	prepared.delete(db);
	db.transaction(() => {
		db.exec('DROP TABLE IF EXISTS search_text; DROP TABLE IF EXISTS search_docs');
		// Contentless: the tokens are only indexed; `ascii` splits at the spaces tokenText puts (and folds nothing more).
		db.exec(`CREATE VIRTUAL TABLE search_text USING fts5(${columns.join(', ')}, tokenize = 'ascii', content = '', contentless_delete = 1)`);
		db.exec('CREATE TABLE search_docs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
		db.prepare("INSERT OR REPLACE INTO search_meta(key, value) VALUES ('version', ?)").run(searchSchemaVersion);
	})();
	return true;
}

/** Stores (or replaces) the search document of the `files` row `id`. Call inside the row's transaction. */
export function putSearchDocument(db: Database, id: number, doc: SearchDocument): void {
	const statement = statements(db);
	statement.deleteText.run(id);
	statement.insertText.run(id, fieldTokens(doc.title), fieldTokens(doc.body), fieldTokens(doc.categories), fieldTokens(doc.tags), fieldTokens(doc.author));
	statement.putBody.run(id, zlib.deflateRawSync(doc.body));
}

/** Removes the search document of the `files` row `id` (nothing happens when there is none). */
export function deleteSearchDocument(db: Database, id: number): void {
	const statement = statements(db);
	statement.deleteText.run(id);
	statement.deleteBody.run(id);
}

/** The readable body stored for `id` (as searchDocument gave it), or undefined when none is stored. */
export function storedBody(db: Database, id: number): string | undefined {
	return storedBodyBytes(db, id)?.toString('utf8');
}

/** The readable body stored for `id`, in UTF-8, or undefined when none is stored. */
export function storedBodyBytes(db: Database, id: number): Buffer | undefined {
	const row = statements(db).getBody.get(id) as {body: Buffer} | undefined;
	if (row === undefined) return undefined;
	try {
		return zlib.inflateRawSync(row.body);
	} catch {
		return undefined;
	}
}

const dateOnlyColumn = new WeakMap<Database, boolean>();

/** Whether the `files` table has a `date_only` column (dates kept as a day, midnight UTC). */
function hasDateOnly(db: Database): boolean {
	let known = dateOnlyColumn.get(db);
	if (known === undefined) {
		known = (db.prepare("SELECT 1 FROM pragma_table_info('files') WHERE name = 'date_only'").get() ?? undefined) !== undefined;
		dateOnlyColumn.set(db, known);
	}
	return known;
}

/** One term as an FTS5 phrase: its tokens in a row, the last one a prefix unless the term is exact. */
function phraseOf(term: QueryTerm): string {
	// A character that is a token of its own is never the start of a longer token: no prefix needed.
	const whole = term.exact || isOwnToken(term.tokens.at(-1) ?? '');
	const phrase = `"${term.tokens.join(' ')}"${whole ? '' : ' *'}`;
	return term.field === undefined ? phrase : `${term.field} : ${phrase}`;
}

/**
 * The FTS5 MATCH expression of a query's terms: `positive AND …`, and `negative OR …` for the
 * terms it excludes (either may be undefined).
 */
export function matchExpressions(query: Query): {readonly include: string | undefined; readonly exclude: string | undefined} {
	const include = query.terms.filter(term => !term.negated).map(phraseOf);
	const exclude = query.terms.filter(term => term.negated).map(phraseOf);
	return {
		include: include.length > 0 ? include.join(' AND ') : undefined,
		exclude: exclude.length > 0 ? exclude.join(' OR ') : undefined,
	};
}

/**
 * Ids (ascending) of the `files` rows whose search document matches the query, exactly as
 * matchesDocument would decide over every stored document. `after:` and `before:` read
 * `files.date_ms` (and `files.date_only`, when there is one: such a date is midnight UTC of its
 * day and is compared by day); undated rows never pass them.
 */
export function searchIds(db: Database, query: Query): number[] {
	const {include, exclude} = matchExpressions(query);
	const parameters: Array<string | number> = [];
	const id = include === undefined ? 'search_docs.id' : 'search_text.rowid';
	let sql = include === undefined ? `SELECT ${id} FROM search_docs` : `SELECT ${id} FROM search_text`;
	const conditions: string[] = [];
	if (include !== undefined) {
		conditions.push('search_text MATCH ?');
		parameters.push(include);
	}
	if (query.afterMs !== undefined || query.beforeMs !== undefined) {
		sql += ` JOIN files ON files.id = ${id}`;
		conditions.push('files.date_ms IS NOT NULL');
		// A day without a time is stored as midnight UTC of that day (files.date_only): compared by day.
		const dayOnly = hasDateOnly(db);
		const bound = (operator: string, local: number, day: number | undefined) => {
			if (dayOnly && day !== undefined) {
				conditions.push(`(CASE WHEN files.date_only THEN files.date_ms ${operator} ? ELSE files.date_ms ${operator} ? END)`);
				parameters.push(day, local);
			} else {
				conditions.push(`files.date_ms ${operator} ?`);
				parameters.push(local);
			}
		};
		if (query.afterMs !== undefined) bound('>=', query.afterMs, query.afterDayUtcMs);
		if (query.beforeMs !== undefined) bound('<', query.beforeMs, query.beforeDayUtcMs);
	}
	if (exclude !== undefined) {
		conditions.push(`${id} NOT IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)`);
		parameters.push(exclude);
	}
	if (conditions.length > 0) sql += ` WHERE ${conditions.join(' AND ')}`;
	sql += ` ORDER BY ${id}`;
	return db.prepare(sql).pluck().all(...parameters) as number[];
}
