/**
 * The `folio` command: reads the arguments, prints (an article, a list) or opens the reader.
 * What starts it (cli.ts) says where package.json is and how the reader's screen code loads.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {PackageInfo} from './arguments.js';
import {formatCount} from './core/count.js';
import {parseDay, type Day} from './core/days.js';
import type {OpenedArchive} from './core/load.js';
import {decodeBytes} from './core/decode.js';
import {describeFileError, parsePost, readPostHead} from './core/parse.js';
import {specialFileKind, specialFileReason} from './core/safe-open.js';
import {sanitizeLine} from './core/sanitize.js';
import type {Post, SearchDocument} from './core/types.js';
import {formatArticle} from './output.js';
import {readPlainArguments, type Flags} from './plain-arguments.js';
import type {ReaderSession} from './reader-session.js';
import {handleWriteError, writeStdout} from './stdout.js';

/** What the way folio was started provides. */
export type Startup = {
	/** The package's package.json (for --help, --version and the index's stamp). */
	readonly packageFile: string | URL;
	/** Loads the reader (ink, react and the screens); called only when the reader opens. */
	readonly loadReader: () => Promise<{readonly openReader: (session: ReaderSession) => Promise<void>}>;
};

/** The article code (HTML cleaning, layout): loaded only when an article is shown. */
export const loadArticleCode = async () => import('./core/article.js');

/** `-` as the path: read one post from stdin. */
const stdinPath = '-';
/** The most folio reads from stdin: a post is far smaller, and a stream without end must not fill memory. */
const maxStdinBytes = 64 * 1024 * 1024;

/** Exit codes: 0 success, 1 nothing could be read, 2 usage error, 70 an unexpected error. */
const exitUsage = 2;
const exitNothing = 1;
const exitSoftware = 70;

/** One line to stderr, the path and message sanitized. */
function warn(message: string): void {
	process.stderr.write(`folio: ${sanitizeLine(message)}\n`);
}

function fail(message: string, code: number): never {
	warn(message);
	process.exit(code);
}

/** Runs folio with the arguments after the program's name; exits with a one-line message on bad input. */
export async function runFolio(argv: readonly string[], startup: Startup): Promise<void> {
	// A closed pipe (`folio ... | head -1`) ends folio quietly; any other write error with one line.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => handleWriteError(error, failOutput));
	// With stderr gone too, the exit status is all that is left to tell.
	process.stderr.on('error', () => process.exit(exitNothing));
	try {
		await run(argv, startup);
	} catch (error) {
		fail(error instanceof Error ? error.message.split('\n')[0]! : 'unexpected error', exitSoftware);
	}
}

async function run(argv: readonly string[], startup: Startup): Promise<void> {
	const pkg = JSON.parse(fs.readFileSync(startup.packageFile, 'utf8')) as PackageInfo;
	// meow (and its start-up cost) only for --help, --version and what is not written plainly.
	const parsed = readPlainArguments(argv) ?? (await import('./arguments.js')).parseArguments(argv, pkg);
	if ('error' in parsed) fail(parsed.error, exitUsage);
	const {flags, input} = parsed;
	if (flags.help || flags.version) {
		await writeStdout(flags.help && 'help' in parsed && typeof parsed.help === 'string' ? parsed.help : `${pkg.version}\n`, failOutput);
		process.exit(0);
	}

	if (input.length > 1) fail(`one path at a time, not ${input.length} (see folio --help)`, exitUsage);
	if (flags.print && (flags.list || flags.json)) fail('--print and --list/--json do not go together', exitUsage);
	const target = input[0] ?? '.';
	const width = readWidth(flags);
	const since = readDay(flags, 'since');
	const until = readDay(flags, 'until');
	if (since && until && since.start > until.start) fail(`--since ${since.text} is after --until ${until.text}`, exitUsage);
	const query = flags.search?.trim();
	if (flags.search !== undefined && !query) fail('--search wants some text to look for', exitUsage);
	if (query) {
		const problem = (await import('./core/query.js')).parseQuery(query).problems[0];
		if (problem !== undefined) fail(`--search: ${problem}`, exitUsage);
	}

	if (target === stdinPath) {
		const bytes = await readStdin();
		const decoded = decodeBytes(bytes);
		if (decoded.binary) fail(`stdin: ${decoded.note ?? 'binary, not a post'}`, exitNothing);
		const {text} = decoded;
		const post = parsePost(text, 'stdin', {size: bytes.length, mtimeMs: Date.now()});
		if (decoded.note) warn(`stdin: ${decoded.note}`);
		await printPost(post, text, width);
		return;
	}

	let stat: fs.Stats;
	try {
		stat = fs.statSync(target);
	} catch (error) {
		fail(describeTargetError(target, error as NodeJS.ErrnoException), exitNothing);
	}

	if (!stat.isFile() && !stat.isDirectory()) {
		const kind = specialFileKind(stat);
		fail(kind ? `${target}: ${specialFileReason(kind)}` : `not a file or folder: ${target}`, exitNothing);
	}

	const interactive = Boolean(process.stdout.isTTY) && !flags.print && !flags.list && !flags.json;

	if (stat.isFile() && !flags.list && !flags.json && (flags.print || !interactive)) {
		let text: string;
		try {
			const {readPostText} = await loadArticleCode();
			text = readPostText(target);
		} catch (error) {
			fail((error as Error).message, exitNothing);
		}

		// One file is read as a list reads it, without the index (and the database code it loads).
		const head = readPostHead(target);
		if (head === undefined) fail(`${target}: not a post (no front matter)`, exitNothing);
		if ('reason' in head) fail(`${head.path}: ${head.reason}`, exitNothing);
		await printPost(head, text, width);
		return;
	}

	if (flags.print) fail(`--print wants one post file, and ${target} is a folder`, exitUsage);

	const cache = flags.cache ? {stamp: pkg.version, warn} : false;
	const listRequest = {target, category: flags.category, since, until, starred: flags.starred ? (all: readonly Post[], shown: readonly Post[]) => onlyStarred(target, all, shown) : undefined, json: flags.json, verbose: flags.verbose, warn, fail: (message: string) => fail(message, exitNothing)};
	// A folder whose index is complete and fresh is listed from it alone (no post file read).
	const fromIndex = !interactive && cache && stat.isDirectory() ? (await import('./indexed-list.js')).listFromIndex : undefined;
	if (fromIndex !== undefined && !flags.rescan && (await fromIndex(target, {...listRequest, query, stamp: pkg.version}))) return;

	const progress = interactive && process.stderr.isTTY ? showProgress() : undefined;
	// Folders use the index (only changed folders are read); in the reader every file is checked after the first frame.
	// Without one, the reader shows the newest-named posts first and reads the others after the first
	// frame (only when the whole list is shown: a filter or search given here waits for every post).
	const firstBatch = query === undefined && flags.category === undefined && !since && !until ? firstBatchPosts() : undefined;
	// A search from a pipe writes the text of the posts it reads to the index, so the next one reads none.
	const documentOf = query !== undefined && cache && !interactive ? await documentReader() : undefined;
	// With a filled index, the reader's first frame reads one screenful of posts from it, and the others after.
	const firstScreen = interactive && firstBatch !== undefined && !flags.starred ? firstScreenPosts() : undefined;
	const loadOptions = {onProgress: progress?.loaded, onScan: progress?.found, cache, firstBatch, firstScreen, followLinks: flags.followLinks, rescan: flags.rescan, documentOf};
	// The folder code (walk, index database) loads only here: printing one post never needs it.
	const {loadArchive, loadOrIndex, openArchive} = await import('./core/load.js');
	// A pipe's list of a folder with no index yet writes the index first, holding no post in memory, and is answered from it.
	const loaded = interactive ? undefined : fromIndex === undefined ? loadArchive(target, loadOptions) : loadOrIndex(target, loadOptions);
	if (!interactive && loaded === undefined && (await fromIndex!(target, {...listRequest, query, stamp: pkg.version}))) return;
	const opened: OpenedArchive = interactive ? openArchive(target, loadOptions) : {archive: loaded ?? loadArchive(target, loadOptions)};
	const {archive} = opened;
	// The line stays until the reader's screen replaces it, so no blank moment comes between.
	if (progress && !interactive) progress.clear();
	else progress?.opening();
	const {categoryProblem, printList} = await import('./list-output.js');
	if (interactive) {
		const problem = categoryProblem(archive.posts, flags.category);
		if (problem !== undefined) fail(problem, exitNothing);
		// NO_COLOR (no-color.org): ink's colour library ignores it but reads FORCE_COLOR when it loads.
		if (process.env['NO_COLOR']) process.env['FORCE_COLOR'] = '0';
		const {openReader} = await startup.loadReader();
		await openReader({target, opened, category: flags.category, since, until, starred: flags.starred, query, warn, single: stat.isFile(), useIndex: Boolean(cache) && stat.isDirectory(), indexStamp: pkg.version, beforeScreen: progress?.clear, readingWidth: flags.width === undefined ? undefined : width});
		return;
	}

	// Posts indexed as listed are answered from the index; the others are read.
	const index = query && cache && stat.isDirectory() ? (await import('./core/db/indexed-search.js')).openIndexedSearch(target, {warn}) : undefined;
	const searchFiles = query ? (await import('./core/db/search-archive.js')).searchArchive : undefined;
	const search = query ? (posts: readonly Post[]) => (index ? index.search(posts, query) : searchFiles!(undefined, posts, () => undefined, query)) : undefined;
	try {
		await printList(archive, {...listRequest, search});
	} finally {
		index?.close();
	}
}

/** The posts (of `shown`) starred in the state database; `all` is every post of the archive. */
async function onlyStarred(target: string, all: readonly Post[], shown: readonly Post[]): Promise<Post[]> {
	const {openReadState} = await import('./read-state.js');
	const state = openReadState(target, all.map(post => post.path), {onError: warn});
	const starred = state.starred();
	return shown.filter(post => starred.has(post.path));
}

/** Reads the search document of a post from its file (undefined when it cannot be read again). */
async function documentReader(): Promise<(post: Post) => SearchDocument | undefined> {
	const [{readPostText}, {searchDocument}] = await Promise.all([import('./core/post-text.js'), import('./core/search-document.js')]);
	return post => {
		try {
			return searchDocument(post, readPostText(post.path));
		} catch {
			return undefined;
		}
	};
}

/**
 * Posts listed before the first frame when a folder without an index is opened in the
 * reader: two screenfuls, at least 100, so the first screen is almost always already in order.
 */
function firstBatchPosts(): number {
	return Math.max(100, 2 * (process.stdout.rows || 0));
}

/** Posts that fill the reader's first screen: one a row of the terminal (fewer rows hold posts). */
function firstScreenPosts(): number {
	return Math.max(1, process.stdout.rows || 24);
}

/** Widest an article is printed without --width: lines longer than this are hard to read. */
const defaultReadingWidth = 100;

function readWidth(flags: Flags): number {
	const given = flags.width;
	if (given === undefined) return Math.min(defaultReadingWidth, process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80);
	if (!/^\d+$/.test(given) || Number(given) < 10 || Number(given) > 1000) fail(`--width wants a whole number from 10 to 1000, not "${given}"`, exitUsage);
	return Number(given);
}

/** The day given to --since or --until; a usage error when it is not a day. */
function readDay(flags: Flags, flag: 'since' | 'until'): Day | undefined {
	const given = flags[flag];
	if (given === undefined) return undefined;
	const day = parseDay(given);
	if (day === undefined) fail(`--${flag} wants a day as YYYY-MM-DD, not "${given}"`, exitUsage);
	return day;
}

/** A failed write to stdout: one line, status 1. */
function failOutput(message: string): never {
	fail(message, exitNothing);
}

/** Reads stdin to its end, or fails with one line once it holds more than maxStdinBytes. */
async function readStdin(): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let length = 0;
	try {
		for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
			length += chunk.length;
			if (length > maxStdinBytes) fail(`stdin holds more than ${maxStdinBytes / 1024 / 1024} MB, the most folio reads from it; save it to a file and open that`, exitNothing);
			chunks.push(chunk);
		}
	} catch (error) {
		fail(`cannot read stdin: ${describeFileError(error)}`, exitNothing);
	}

	return Buffer.concat(chunks, length);
}

/** Why the path given cannot be opened, in one line (a path that lost its bytes, a folder that cannot be entered, ...). */
function describeTargetError(target: string, error: NodeJS.ErrnoException): string {
	switch (error.code) {
		case 'ENOENT': {
			// Arguments reach folio decoded as UTF-8: bytes that are not UTF-8 are lost on the way.
			if (target.includes('\uFFFD')) return `cannot open ${target}: the path is not valid UTF-8, so it cannot be opened by name; rename it to read it`;
			return `no such file or folder: ${target}`;
		}

		case 'EACCES':
		case 'EPERM': {
			const folder = closedFolder(target);
			return folder === undefined ? `cannot open ${target}: permission denied` : `cannot open ${target}: permission denied (the folder ${folder} cannot be entered)`;
		}

		case 'ENOTDIR':
			return `cannot open ${target}: a part of the path is a file, not a folder`;
		default:
			return `cannot open ${target}: ${describeFileError(error)}`;
	}
}

/** The first folder on the way to a path that this user may not enter (search), if any. */
function closedFolder(target: string): string | undefined {
	const absolute = path.resolve(target);
	const folders: string[] = [];
	for (let folder = path.dirname(absolute); ; folder = path.dirname(folder)) {
		folders.unshift(folder);
		if (path.dirname(folder) === folder) break;
	}

	return folders.find(folder => {
		try {
			fs.accessSync(folder, fs.constants.X_OK);
			return false;
		} catch {
			return true;
		}
	});
}

/** Prints one article; the article code (HTML cleaning, layout) loads only when needed. */
async function printPost(post: Post, text: string, width: number): Promise<void> {
	const {renderArticle} = await loadArticleCode();
	for (const warning of post.warnings) warn(`${post.path}: ${warning}`);
	process.stdout.write(formatArticle(renderArticle(post, text, width)));
}

/**
 * Shows "Loading posts…" on the terminal at once, then the files found while the folder is
 * searched and the files read of how many, at most every 50 ms; `clear` erases the line.
 */
function showProgress(): {found: (files: number) => void; loaded: (done: number, total: number) => void; opening: () => void; clear: () => void} {
	// Cut to the terminal's width: a wrapped line could not be erased and would stay in the shell.
	const write = (text: string) => fs.writeSync(2, `\r${text.slice(0, Math.max(1, (process.stderr.columns || 80) - 1))}\u001B[K`);
	write('Loading posts…');
	let last = performance.now();
	const due = () => {
		const now = performance.now();
		if (now - last < 50) return false;
		last = now;
		return true;
	};
	return {
		found(files) {
			if (due()) write(`Looking for posts: ${formatCount(files)} files found…`);
		},
		loaded(done, total) {
			// (0, 0) only says the search starts: "Loading posts…" already says that.
			if (total > 0 && (done === 0 || due())) write(`Loading posts: ${formatCount(done)} of ${formatCount(total)}…`);
		},
		opening: () => write('Opening the reader…'),
		clear: () => fs.writeSync(2, '\r\u001B[K'),
	};
}
