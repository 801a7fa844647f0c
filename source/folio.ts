/**
 * The `folio` command: reads the arguments, prints (an article, a list) or opens the reader.
 * What starts it (cli.ts) says where package.json is and how the reader's screen code loads.
 */
import fs from 'node:fs';
import {parseArguments, type Flags, type PackageInfo} from './arguments.js';
import {formatCount} from './core/count.js';
import {filterByDate, parseDay, type Day} from './core/days.js';
import {filterByCategory} from './core/library.js';
import {loadArchive, openArchive, type OpenedArchive} from './core/load.js';
import {parsePost} from './core/parse.js';
import {sanitizeLine} from './core/sanitize.js';
import type {Post} from './core/types.js';
import {formatArticle, formatJsonLine, formatListLine} from './output.js';
import type {ReaderSession} from './reader-session.js';

/** What the way folio was started provides. */
export type Startup = {
	/** The package's package.json (for --help, --version and the index cache's stamp). */
	readonly packageFile: string | URL;
	/** Loads the reader (ink, react and the screens); called only when the reader opens. */
	readonly loadReader: () => Promise<{readonly openReader: (session: ReaderSession) => Promise<void>}>;
};

/** The article code (HTML cleaning, layout): loaded only when an article is shown. */
export const loadArticleCode = async () => import('./core/article.js');

/** `-` as the path: read one post from stdin. */
const stdinPath = '-';

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
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		// A closed pipe (`folio ... | head -1`) is a normal way for a reader to stop.
		if (error.code === 'EPIPE') process.exit(0);
		throw error;
	});
	try {
		await run(argv, startup);
	} catch (error) {
		fail(error instanceof Error ? error.message.split('\n')[0]! : 'unexpected error', exitSoftware);
	}
}

async function run(argv: readonly string[], startup: Startup): Promise<void> {
	const pkg = JSON.parse(fs.readFileSync(startup.packageFile, 'utf8')) as PackageInfo;
	const parsed = parseArguments(argv, pkg);
	if ('error' in parsed) fail(parsed.error, exitUsage);
	const {flags, input} = parsed;
	if (flags.help || flags.version) {
		process.stdout.write(flags.help ? parsed.help : `${pkg.version}\n`);
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

	if (target === stdinPath) {
		const text = readStdin();
		const post = parsePost(text, 'stdin', {size: Buffer.byteLength(text), mtimeMs: Date.now()});
		await printPost(post, text, width);
		return;
	}

	let stat: fs.Stats;
	try {
		stat = fs.statSync(target);
	} catch {
		fail(`no such file or folder: ${target}`, exitNothing);
	}

	if (!stat.isFile() && !stat.isDirectory()) fail(`not a file or folder: ${target}`, exitNothing);
	const interactive = Boolean(process.stdout.isTTY) && !flags.print && !flags.list && !flags.json;

	if (stat.isFile() && !flags.list && !flags.json && (flags.print || !interactive)) {
		let text: string;
		try {
			const {readPostText} = await loadArticleCode();
			text = readPostText(target);
		} catch (error) {
			fail((error as Error).message, exitNothing);
		}

		const archive = loadArchive(target);
		for (const skipped of archive.skipped) fail(`${skipped.path}: ${skipped.reason}`, exitNothing);
		await printPost(archive.posts[0]!, text, width);
		return;
	}

	if (flags.print) fail(`--print wants one post file, and ${target} is a folder`, exitUsage);

	const progress = interactive && process.stderr.isTTY ? showProgress() : undefined;
	// Folders use the index cache; in the reader a cached list shows at once and is checked right after.
	// Without one, the reader shows the newest-named posts first and reads the others after the first
	// frame (only when the whole list is shown: a filter or search given here waits for every post).
	const firstBatch = query === undefined && flags.category === undefined && !since && !until ? firstBatchPosts() : undefined;
	const cache = flags.cache ? {stamp: pkg.version} : false;
	const loadOptions = {onProgress: progress, cache, firstBatch};
	const opened: OpenedArchive = interactive ? openArchive(target, loadOptions) : {archive: loadArchive(target, loadOptions)};
	const {archive} = opened;
	if (progress) fs.writeSync(2, '\r\u001B[K');
	const posts = filterByDate(filterByCategory(archive.posts, flags.category), since, until);

	if (interactive) {
		// NO_COLOR (no-color.org): ink's colour library ignores it but reads FORCE_COLOR when it loads.
		if (process.env['NO_COLOR']) process.env['FORCE_COLOR'] = '0';
		const {openReader} = await startup.loadReader();
		await openReader({target, opened, posts, category: flags.category, since, until, query, loadArticleCode, warn});
		return;
	}

	for (const skipped of archive.skipped) warn(`skipped ${skipped.path}: ${skipped.reason}`);
	for (const post of archive.posts) for (const warning of post.warnings) warn(`${post.path}: ${warning}`);
	const format = flags.json ? formatJsonLine : formatListLine;
	if (query) {
		const {searchPostFile} = await import('./core/search.js');
		for (const post of posts) {
			const hit = searchPostFile(post, query);
			if (hit) process.stdout.write(format(post, hit.context) + '\n');
		}
	} else {
		const out = posts.map(post => format(post)).join('\n');
		if (out) process.stdout.write(out + '\n');
	}

	if (archive.posts.length === 0) fail(`no posts found in ${target}`, exitNothing);
}

/**
 * Posts listed before the first frame when a folder without an index cache is opened in the
 * reader: two screenfuls, at least 100, so the first screen is almost always already in order.
 */
function firstBatchPosts(): number {
	return Math.max(100, 2 * (process.stdout.rows || 0));
}

function readWidth(flags: Flags): number {
	const given = flags.width;
	if (given === undefined) return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80;
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

function readStdin(): string {
	try {
		return fs.readFileSync(0, 'utf8');
	} catch (error) {
		fail(`cannot read stdin: ${(error as Error).message}`, exitNothing);
	}
}

/** Prints one article; the article code (HTML cleaning, layout) loads only when needed. */
async function printPost(post: Post, text: string, width: number): Promise<void> {
	const {renderArticle} = await loadArticleCode();
	for (const warning of post.warnings) warn(`${post.path}: ${warning}`);
	process.stdout.write(formatArticle(renderArticle(post, text, width)));
}

/** Shows "Loading posts…" on the terminal at once, then the count loaded, at most every 50 ms. */
function showProgress(): (done: number, total: number) => void {
	// Cut to the terminal's width: a wrapped line could not be erased and would stay in the shell.
	const write = (text: string) => fs.writeSync(2, `\r${text.slice(0, Math.max(1, (process.stderr.columns || 80) - 1))}\u001B[K`);
	write('Loading posts…');
	let last = performance.now();
	return (done, total) => {
		const now = performance.now();
		if (now - last < 50 && done !== 0) return;
		last = now;
		write(`Loading posts: ${formatCount(done)} of ${formatCount(total)}…`);
	};
}
