/**
 * Where the index database meets full-text search: the schema and the documents of the search
 * tables, kept in the same transactions as the `files` rows they belong to. Until full-text search
 * is part of the index these do nothing (and `indexesText` is false, so no body is read for it).
 */
import type {Database} from './database.js';

/** Whether the index keeps a search document per post (bodies are then read while indexing). */
export const indexesText = false;

/** Creates the search tables when missing (idempotent). */
export function createSearchSchema(_db: Database): void {}

/** Removes the search document of a `files` row. */
export function deleteSearchDocument(_db: Database, _id: number): void {}
