/**
 * What `--list` and `--json` print for a loaded archive: the posts the filters keep, newest first,
 * one line each (with the matching line of a search), the files skipped and the notes on stderr,
 * and one line when the archive holds no post. Whether the archive was read from its files or
 * from its index, the same posts give the same bytes.
 */
import {formatCount} from './core/count.js';
import {filterByDate, type Day} from './core/days.js';
import type {SearchHit} from './core/db/search-archive.js';
import {countCategories, filterByCategory} from './core/library.js';
import {nearestNames} from './core/nearest.js';
import type {Post, Skipped} from './core/types.js';
import {formatJsonLine, formatListLine} from './output.js';

/** What to list and how. */
export type ListRequest = {
	readonly target: string;
	readonly category: string | undefined;
	readonly since: Day | undefined;
	readonly until: Day | undefined;
	/** Only the posts shown that are starred (`all`: every post of the archive). */
	readonly starred: ((all: readonly Post[], shown: readonly Post[]) => Promise<readonly Post[]>) | undefined;
	/** Only the posts that match a search, with the line to show (written as they are found). */
	readonly search: ((posts: readonly Post[]) => Iterable<SearchHit>) | undefined;
	readonly json: boolean;
	readonly verbose: boolean;
	/** One line on stderr. */
	readonly warn: (message: string) => void;
	/** One line on stderr, then the end with status 1. */
	readonly fail: (message: string) => never;
};

/** Where the lines go besides stdout (in the same pieces), and the summary of the notes written on stderr. */
export type Copy = {readonly write: (text: string) => void; notes?: string};

/** Lines are written in pieces of about this many characters: the whole list is never one string. */
const pieceChars = 1 << 20;

/**
 * Prints the list of an archive (see the module comment), and gives `copy` what it prints; ends
 * folio with status 1 on a category no post has, or no post at all.
 */
export async function printList(archive: {readonly posts: readonly Post[]; readonly skipped: readonly Skipped[]}, request: ListRequest, copy?: Copy): Promise<void> {
	const dated = filterByDate(filterByCategory(archive.posts, request.category), request.since, request.until);
	const posts = request.starred ? await request.starred(archive.posts, dated) : dated;
	const problem = categoryProblem(archive.posts, request.category);
	if (problem !== undefined) request.fail(problem);
	for (const skipped of archive.skipped) request.warn(`skipped ${skipped.path}: ${skipped.reason}`);
	const notes = reportNotes(archive.posts, request.verbose, request.warn);
	if (copy) copy.notes = notes;
	const format = request.json ? formatJsonLine : formatListLine;
	const write = (text: string) => {
		process.stdout.write(text);
		copy?.write(text);
	};
	if (request.search) writeLines(request.search(posts), hit => format(hit.post, hit.context), write);
	else writeLines(posts, post => format(post), write);
	if (archive.posts.length === 0) request.fail(`no posts found in ${request.target}`);
}

/** Items as lines, each ended by a newline, written in pieces of about pieceChars. */
function writeLines<T>(items: Iterable<T>, format: (item: T) => string, write: (text: string) => void): void {
	let piece = '';
	for (const item of items) {
		piece += format(item) + '\n';
		if (piece.length >= pieceChars) {
			write(piece);
			piece = '';
		}
	}
	if (piece !== '') write(piece);
}

/** Why a category given cannot be listed (no post has it), with the nearest ones; undefined when some post has it. */
export function categoryProblem(posts: readonly Post[], category: string | undefined): string | undefined {
	if (category === undefined || posts.length === 0 || hasCategory(posts, category)) return undefined;
	const nearest = nearestNames(category, countCategories(posts).map(entry => entry.name));
	const hint = nearest.length > 0 ? `; nearest: ${nearest.join(', ')}` : '; it has no categories close to it';
	return `no post has the category "${category}"${hint}`;
}

/** Whether some post carries the category (any case). */
function hasCategory(posts: readonly Post[], category: string): boolean {
	const wanted = category.toLowerCase();
	return posts.some(post => post.categories.some(name => name.toLowerCase() === wanted));
}

/**
 * The notes on posts that were read anyway (no title, YAML read leniently, …): one line each with
 * `verbose`, else one line in all, saying how many and which kinds. Returns that one line.
 */
function reportNotes(posts: readonly Post[], verbose: boolean, warn: (message: string) => void): string | undefined {
	const kinds = new Map<string, number>();
	let noted = 0;
	for (const post of posts) {
		if (post.warnings.length === 0) continue;
		noted++;
		for (const warning of post.warnings) {
			if (verbose) warn(`${post.path}: ${warning}`);
			// The kind of note, without what it quotes from the file.
			const kind = warning.replace(/\s*[(":;].*$/, '');
			kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
		}
	}
	if (verbose || noted === 0) return undefined;
	const common = [...kinds.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([kind, count]) => `${formatCount(count)} × ${kind}`);
	const line = `${formatCount(noted)} ${noted === 1 ? 'post was' : 'posts were'} read with notes (${common.join(', ')}${kinds.size > 2 ? ', …' : ''}); --verbose lists them`;
	warn(line);
	return line;
}
