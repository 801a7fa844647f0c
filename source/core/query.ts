/**
 * The search syntax shared by `--search`, `/` and `F`, and the plain matcher that defines what a
 * search finds (the full-text index returns exactly the same posts).
 *
 * - Words are ANDed: `香港 疫苗` finds posts holding both.
 * - A word matches the start of a word (`ukrain` finds "Ukraine"); Chinese, Japanese, Korean and
 *   Thai text matches anywhere (`克兰` finds "乌克兰").
 * - `"a phrase"` matches those words in a row, each whole.
 * - `-word` (or `-"a phrase"`, `-title:word`) leaves out posts that match it.
 * - `title:`, `category:`, `tag:`, `author:` look in that field only (values may be quoted).
 * - `after:YYYY-MM-DD` keeps posts dated on or after that day, `before:YYYY-MM-DD` those dated
 *   before it (local days; undated posts are left out).
 * Latin letters match in any case and without diacritics; Traditional and Simplified Chinese match
 * each other (see foldText).
 */
import {parseDay} from './days.js';
import {foldText} from './fold.js';
import {boundaryToken, tokenText} from './search-tokens.js';
import type {Post, SearchDocument} from './types.js';

/** A field a term can be limited to. */
export type QueryField = 'title' | 'category' | 'tag' | 'author';

/** One word or phrase of a query. */
export type QueryTerm = {
	/** As typed (without quotes, `-` or field name), for showing and highlighting. */
	readonly text: string;
	/** Its folded tokens (see tokenText), never empty. */
	readonly tokens: readonly string[];
	/** True for a quoted phrase: the last token must be whole too, not only a word's start. */
	readonly exact: boolean;
	/** True for `-term`: a post matching it is left out. */
	readonly negated: boolean;
	/** The one field looked at; undefined for every field (body included). */
	readonly field: QueryField | undefined;
};

/** A parsed query: plain data. With no terms and no dates it matches every post. */
export type Query = {
	readonly terms: readonly QueryTerm[];
	/** Posts dated at or after this instant (ms) only, from `after:`. */
	readonly afterMs: number | undefined;
	/** Posts dated before this instant (ms) only, from `before:`. */
	readonly beforeMs: number | undefined;
	/** One line per part of the text that could not be read (e.g. a bad day); those parts are ignored. */
	readonly problems: readonly string[];
};

const fieldNames: Readonly<Record<string, QueryField | 'after' | 'before'>> = {
	title: 'title',
	category: 'category',
	categories: 'category',
	tag: 'tag',
	tags: 'tag',
	author: 'author',
	after: 'after',
	before: 'before',
};

/** Reads the search syntax (see this module's comment). Never throws. */
export function parseQuery(text: string): Query {
	const terms: QueryTerm[] = [];
	const problems: string[] = [];
	let afterMs: number | undefined;
	let beforeMs: number | undefined;
	let at = 0;
	while (at < text.length) {
		while (at < text.length && /\s/.test(text[at]!)) at++;
		if (at >= text.length) break;
		let negated = false;
		if (text[at] === '-' && at + 1 < text.length && !/\s/.test(text[at + 1]!)) {
			negated = true;
			at++;
		}
		let field: ReturnType<typeof fieldOf> = undefined;
		const prefix = /^([a-z]+):(?=\S)/i.exec(text.slice(at));
		if (prefix && (field = fieldOf(prefix[1]!)) !== undefined) at += prefix[0].length;
		let value: string;
		let exact = false;
		if (text[at] === '"') {
			const close = text.indexOf('"', at + 1);
			const end = close < 0 ? text.length : close;
			value = text.slice(at + 1, end);
			at = end + 1;
			exact = true;
		} else {
			const start = at;
			while (at < text.length && !/\s/.test(text[at]!)) at++;
			value = text.slice(start, at);
		}
		if (field === 'after' || field === 'before') {
			const day = parseDay(value);
			if (day === undefined) problems.push(`${field}: wants a day as YYYY-MM-DD, not "${value}"`);
			else if (field === 'after') afterMs = Math.max(afterMs ?? -Infinity, day.start);
			else beforeMs = Math.min(beforeMs ?? Infinity, day.start);
			continue;
		}
		const tokens = tokenText(foldText(value));
		if (tokens === '') continue;
		terms.push({text: value, tokens: tokens.split(' '), exact, negated, field});
	}
	return {terms, afterMs, beforeMs, problems};
}

function fieldOf(name: string): QueryField | 'after' | 'before' | undefined {
	return Object.hasOwn(fieldNames, name.toLowerCase()) ? fieldNames[name.toLowerCase()] : undefined;
}

/** True when the query restricts nothing: every post matches it. */
export function isEmptyQuery(query: Query): boolean {
	return query.terms.length === 0 && query.afterMs === undefined && query.beforeMs === undefined;
}

/** A document's fields as token text with a space at both ends, ready for substring tests. */
type DocumentTokens = Readonly<Record<QueryField | 'body', string>>;

const documentTokens = new WeakMap<SearchDocument, DocumentTokens>();

function padded(tokens: string): string {
	return ` ${tokens} `;
}

/**
 * One text field as index and matcher see it: its tokens, one space apart. List fields put a
 * boundary token between values, so a phrase never runs from one value into the next.
 */
export function fieldTokens(value: string | readonly string[]): string {
	if (typeof value === 'string') return tokenText(foldText(value));
	return value
		.map(item => tokenText(foldText(item)))
		.filter(tokens => tokens !== '')
		.join(` ${boundaryToken} `);
}

function tokensOfDocument(doc: SearchDocument): DocumentTokens {
	let tokens = documentTokens.get(doc);
	if (tokens === undefined) {
		tokens = {
			title: padded(fieldTokens(doc.title)),
			body: padded(fieldTokens(doc.body)),
			category: padded(fieldTokens(doc.categories)),
			tag: padded(fieldTokens(doc.tags)),
			author: padded(fieldTokens(doc.author)),
		};
		documentTokens.set(doc, tokens);
	}
	return tokens;
}

const everyField = ['title', 'body', 'category', 'tag', 'author'] as const;

/** True when the term's tokens occur in a row in one field of the document (negation not applied). */
function termMatches(tokens: DocumentTokens, term: QueryTerm): boolean {
	// ` a b c ` holds ` t1 t2 t3` at a token start: t1, t2 whole, t3 a token's start (or whole with the space).
	const needle = ' ' + term.tokens.join(' ') + (term.exact ? ' ' : '');
	if (term.field !== undefined) return tokens[term.field].includes(needle);
	return everyField.some(field => tokens[field].includes(needle));
}

/**
 * The plain-scan matcher: true when the document (dated `dateMs`, undefined when undated) holds
 * every term that is not negated, none that is, and its date is within `after:` and `before:`.
 */
export function matchesDocument(doc: SearchDocument, dateMs: number | undefined, query: Query): boolean {
	if (query.afterMs !== undefined || query.beforeMs !== undefined) {
		if (dateMs === undefined) return false;
		if (query.afterMs !== undefined && dateMs < query.afterMs) return false;
		if (query.beforeMs !== undefined && dateMs >= query.beforeMs) return false;
	}
	if (query.terms.length === 0) return true;
	const tokens = tokensOfDocument(doc);
	return query.terms.every(term => termMatches(tokens, term) !== term.negated);
}

/** What the list knows of a post without reading its file: every field but the body. */
export function listedDocument(post: Post): SearchDocument {
	return {title: post.title, body: '', categories: post.categories, tags: post.tags, author: post.author ?? ''};
}

const listedDocuments = new WeakMap<Post, SearchDocument>();

/** True when the post's title, categories, tags, author and date match the query (the body is not read). */
export function matchesListedPost(post: Post, query: Query): boolean {
	let doc = listedDocuments.get(post);
	if (doc === undefined) {
		doc = listedDocument(post);
		listedDocuments.set(post, doc);
	}
	return matchesDocument(doc, post.date, query);
}
