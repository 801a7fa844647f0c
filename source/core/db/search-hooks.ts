/**
 * Where the index database meets full-text search: the schema and the documents of the search
 * tables, kept in the same transactions as the `files` rows they belong to (`files.text_indexed`
 * says which rows have one). Until full-text search is part of the index these do nothing, and
 * `indexesText` is false, so no body is read for it.
 */
import type {SearchDocument} from '../types.js';
import type {Database} from './database.js';

/** Whether the index keeps a search document per post (bodies are then read while indexing). */
export const indexesText = false;

/** Creates the search tables when missing (idempotent). */
export function createSearchSchema(_db: Database): void {}

/** Writes the search document of a `files` row (by its id), replacing any earlier one. */
export function putSearchDocument(_db: Database, _id: number, _document: SearchDocument): void {}

/** Removes the search document of a `files` row. */
export function deleteSearchDocument(_db: Database, _id: number): void {}
