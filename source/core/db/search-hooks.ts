/**
 * Where the index database meets full-text search: the schema and the documents of the search
 * tables (search-index.ts), kept in the same transactions as the `files` rows they belong to
 * (`files.text_indexed` says which rows have one).
 */
import type {SearchDocument} from '../types.js';
import type {Database} from './database.js';
import * as searchIndex from './search-index.js';

/** Whether the index keeps a search document per post (bodies are then read while indexing). */
export const indexesText = true;

/** Creates the search tables when missing (idempotent). */
export function createSearchSchema(db: Database): void {
	// Tables made anew are empty: no row has its document any more.
	if (searchIndex.createSearchSchema(db)) db.exec('UPDATE files SET text_indexed = 0 WHERE text_indexed <> 0');
}

/** Writes the search document of a `files` row (by its id), replacing any earlier one. */
export function putSearchDocument(db: Database, id: number, document: SearchDocument): void {
	searchIndex.putSearchDocument(db, id, document);
}

/** Removes the search document of a `files` row. */
export function deleteSearchDocument(db: Database, id: number): void {
	searchIndex.deleteSearchDocument(db, id);
}
