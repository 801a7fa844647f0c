/** A post as listed: front matter only, every string already sanitized. */
export type Post = {
	/** Path of the file, as found (absolute or as given). */
	readonly path: string;
	readonly title: string;
	/** Milliseconds since the epoch, or undefined when no date could be found. */
	readonly date: number | undefined;
	/** True when the date carries a time of day (not only a calendar day). */
	readonly hasTime: boolean;
	readonly categories: readonly string[];
	readonly tags: readonly string[];
	/** The original link, as written; may be any scheme (checked before opening). */
	readonly link: string | undefined;
	readonly author: string | undefined;
	/** Problems met while reading this post, one line each. */
	readonly warnings: readonly string[];
	/** File size in bytes and mtime in ms when read (used by the cache). */
	readonly size: number;
	readonly mtimeMs: number;
};

/** A file that could not be listed at all, with a one-line reason. */
export type Skipped = {
	readonly path: string;
	readonly reason: string;
};

/** The readable form of a body: unwrapped logical lines plus its numbered links. */
export type CleanDocument = {
	/**
	 * Logical lines. A line is one paragraph, heading, list item or preformatted row,
	 * not yet wrapped. An empty string separates blocks.
	 */
	readonly lines: readonly DocumentLine[];
	/** Link targets; `[1]` in the text refers to links[0]. */
	readonly links: readonly string[];
};

/** One logical line of a clean document. */
export type DocumentLine = {
	readonly text: string;
	/** Prefix printed before the first wrapped row (e.g. "• ", "1. ", "│ "). */
	readonly prefix?: string;
	/** Prefix printed before the following wrapped rows (defaults to spaces as wide as prefix). */
	readonly continuation?: string;
	/** Style hint for the screen; print ignores it (but headings, code and tables are laid out apart). */
	readonly style?: 'heading' | 'title' | 'meta' | 'quote' | 'pre' | 'link-list' | 'image' | 'table';
	/** True for a line shown on one row only, cut with `…` where it does not fit. */
	readonly oneRow?: boolean;
	/** For a `table` line: its cells, row by row (a cell's own line breaks kept as `\n`). */
	readonly table?: Table;
};

/** A table's cells as text, laid out at a width (aligned columns, or one record a row). */
export type Table = {
	readonly rows: readonly (readonly string[])[];
	/** True when the first row names the columns. */
	readonly header: boolean;
};

/** One row of laid-out text, never wider than the width it was laid out for. */
export type LaidOutLine = {
	readonly text: string;
	readonly style?: DocumentLine['style'];
};

/** An article ready for a screen or a pipe: its rows at one width, and its numbered links. */
export type Article = {
	readonly lines: readonly LaidOutLine[];
	readonly links: readonly string[];
};

/**
 * The text of a post that search looks at, as a reader sees it: the cleaned title and body (no
 * markup, comments, scripts or template syntax; entities decoded), categories, tags and author.
 */
export type SearchDocument = {
	readonly title: string;
	readonly body: string;
	readonly categories: readonly string[];
	readonly tags: readonly string[];
	/** '' when the post names no author. */
	readonly author: string;
};
