#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import {helpText, parseArguments} from './arguments.js';
import {formatCount} from './core/count.js';
import {filterByDate, parseDay, type Day} from './core/days.js';
import {filterByCategory} from './core/library.js';
import {loadArchive, openArchive, type Archive, type OpenedArchive} from './core/load.js';
import {parsePost} from './core/parse.js';
import {sanitizeLine} from './core/sanitize.js';
import type {Post} from './core/types.js';
import {formatArticle, formatJsonLine, formatListLine} from './output.js';

/** The package's version and description (for --help, --version and the index cache's stamp). */
const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string; description: string};

/** `-` as the path: read one post from stdin. */
const stdinPath = '-';

/**
 * Posts listed before the first frame when a folder without an index cache is opened in the
 * reader: two screenfuls, at least 100, so the first screen is almost always already in order.
 */
const firstBatchPosts = Math.max(100, 2 * (process.stdout.rows || 0));

/** Exit codes: 0 success, 1 nothing could be read, 2 usage error. */
const exitUsage = 2;
const exitNothing = 1;

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	// A closed pipe (`folio ... | head -1`) is a normal way for a reader to stop.
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

/** One line to stderr, the path and message sanitized. */
function warn(message: string): void {
	process.stderr.write(`folio: ${sanitizeLine(message)}\n`);
}

function fail(message: string, code: number): never {
	warn(message);
	process.exit(code);
}

const parsed = parseArguments(process.argv.slice(2));
if ('error' in parsed) fail(parsed.error, exitUsage);
const cli = parsed;
if (cli.flags.help) {
	process.stdout.write(helpText(pkg.description));
	process.exit(0);
}

if (cli.flags.version) {
	process.stdout.write(`${pkg.version}\n`);
	process.exit(0);
}

function readWidth(): number {
	const given = cli.flags.width;
	if (given === undefined) return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80;
	if (!/^\d+$/.test(given) || Number(given) < 10 || Number(given) > 1000) fail(`--width wants a whole number from 10 to 1000, not "${given}"`, exitUsage);
	return Number(given);
}

function readStdin(): string {
	try {
		return fs.readFileSync(0, 'utf8');
	} catch (error) {
		fail(`cannot read stdin: ${(error as Error).message}`, exitNothing);
	}
}

/** Prints one article; the article code (HTML cleaning, layout) loads only when needed. */
async function printPost(post: Post, text: string): Promise<void> {
	const {renderArticle} = await import('./core/article.js');
	for (const warning of post.warnings) warn(`${post.path}: ${warning}`);
	process.stdout.write(formatArticle(renderArticle(post, text, readWidth())));
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

/**
 * Pauses for a background task (checking the files behind a cached list) that let it run only
 * when no key came in for a moment, so it never delays what a person types. `stop` ends it.
 */
function whenIdle(): {pause: () => Promise<void>; stop: () => void} {
	let lastInput = 0;
	let stopped = false;
	let listening = false;
	const onInput = () => {
		lastInput = performance.now();
	};

	const pause = () =>
		new Promise<void>((resolve, reject) => {
			if (!listening && !stopped) {
				// Only notes the time; the reader's own listener reads the keys.
				process.stdin.on('readable', onInput);
				listening = true;
			}

			const check = () => {
				if (stopped) reject(new Error('stopped'));
				else if (performance.now() - lastInput >= 150) resolve();
				else setTimeout(check, 50);
			};

			setImmediate(check);
		});
	const stop = () => {
		stopped = true;
		process.stdin.off('readable', onInput);
	};

	return {pause, stop};
}

/** The day given to --since or --until; a usage error when it is not a day. */
function readDay(flag: 'since' | 'until'): Day | undefined {
	const given = cli.flags[flag];
	if (given === undefined) return undefined;
	const day = parseDay(given);
	if (day === undefined) fail(`--${flag} wants a day as YYYY-MM-DD, not "${given}"`, exitUsage);
	return day;
}

async function main(): Promise<void> {
	if (cli.input.length > 1) fail(`one path at a time, not ${cli.input.length} (see folio --help)`, exitUsage);
	if (cli.flags.print && (cli.flags.list || cli.flags.json)) fail('--print and --list/--json do not go together', exitUsage);
	const target = cli.input[0] ?? '.';
	const width = readWidth();
	const since = readDay('since');
	const until = readDay('until');
	if (since && until && since.start > until.start) fail(`--since ${since.text} is after --until ${until.text}`, exitUsage);
	const query = cli.flags.search?.trim();
	if (cli.flags.search !== undefined && !query) fail('--search wants some text to look for', exitUsage);

	if (target === stdinPath) {
		const text = readStdin();
		const post = parsePost(text, 'stdin', {size: Buffer.byteLength(text), mtimeMs: Date.now()});
		await printPost(post, text);
		return;
	}

	let stat: fs.Stats;
	try {
		stat = fs.statSync(target);
	} catch {
		fail(`no such file or folder: ${target}`, exitNothing);
	}

	if (!stat.isFile() && !stat.isDirectory()) fail(`not a file or folder: ${target}`, exitNothing);
	const interactive = Boolean(process.stdout.isTTY) && !cli.flags.print && !cli.flags.list && !cli.flags.json;

	if (stat.isFile() && !cli.flags.list && !cli.flags.json && (cli.flags.print || !interactive)) {
		let text: string;
		try {
			const {readPostText} = await import('./core/article.js');
			text = readPostText(target);
		} catch (error) {
			fail((error as Error).message, exitNothing);
		}

		const archive = loadArchive(target);
		for (const skipped of archive.skipped) fail(`${skipped.path}: ${skipped.reason}`, exitNothing);
		await printPost(archive.posts[0]!, text);
		return;
	}

	if (cli.flags.print) fail(`--print wants one post file, and ${target} is a folder`, exitUsage);

	const progress = interactive && process.stderr.isTTY ? showProgress() : undefined;
	// Folders use the index cache; in the reader a cached list shows at once and is checked right after.
	// Without one, the reader shows the newest-named posts first and reads the others after the first
	// frame (only when the whole list is shown: a filter or search given here waits for every post).
	const firstBatch = query === undefined && cli.flags.category === undefined && !since && !until ? firstBatchPosts : undefined;
	const loadOptions = {onProgress: progress, cache: cli.flags.cache ? {stamp: pkg.version} : false, firstBatch};
	const opened: OpenedArchive = interactive ? openArchive(target, loadOptions) : {archive: loadArchive(target, loadOptions)};
	const {archive} = opened;
	if (progress) fs.writeSync(2, '\r\u001B[K');
	const posts = filterByDate(filterByCategory(archive.posts, cli.flags.category), since, until);

	if (!interactive) {
		for (const skipped of archive.skipped) warn(`skipped ${skipped.path}: ${skipped.reason}`);
		for (const post of archive.posts) for (const warning of post.warnings) warn(`${post.path}: ${warning}`);
		const format = cli.flags.json ? formatJsonLine : formatListLine;
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
		return;
	}

	// NO_COLOR (no-color.org): ink's colour library ignores it but reads FORCE_COLOR when it loads.
	if (process.env['NO_COLOR']) process.env['FORCE_COLOR'] = '0';
	// Loaded side by side: each import waits for its files to be read.
	const [{runApp}, {searchPostFile}, {openLink}, {openReadState}, {copyLink}, {supportsHyperlinks}] = await Promise.all([
		import('./ui/run.js'),
		import('./core/search.js'),
		import('./open-link.js'),
		import('./read-state.js'),
		import('./clipboard.js'),
		import('./ui/hyperlink.js'),
	]);
	// While the list is still growing, every file that may be a post stands for the posts to come.
	const readState = openReadState(target, () => opened.files ?? archive.posts.map(post => post.path), {onError: warn});
	const idle = whenIdle();
	// Signals end the process at once; what was read until then is still saved.
	process.once('exit', () => readState.flush());
	const reason =
		archive.posts.length === 0
			? `No posts in ${path.resolve(target)}${archive.skipped.length > 0 ? `: ${archive.skipped.length} file(s) could not be read` : ''}.`
			: posts.length === 0
				? `No posts match ${[cli.flags.category === undefined ? '' : `category "${cli.flags.category}"`, since ? `--since ${since.text}` : '', until ? `--until ${until.text}` : ''].filter(Boolean).join(', ')}.`
				: undefined;
	void width;
	const shown = (next: Archive) => ({posts: filterByDate(filterByCategory(next.posts, cli.flags.category), since, until), skippedCount: next.skipped.length});
	await runApp({
		posts,
		folder: sanitizeLine(target),
		// The article code (HTML cleaning, layout) loads after the first frame; until then the reader says "Loading…".
		loadArticle: () => undefined,
		loading: opened.loading,
		onOpenLink: async (url: string) => openLink(url),
		emptyReason: reason === undefined ? undefined : sanitizeLine(reason),
		skippedCount: archive.skipped.length,
		initialReadState: readState.initial,
		onReadStateChange: state => readState.save(state),
		searchPost: (post, text) => searchPostFile(post, text)?.context,
		initialSearch: query,
		onCopyLink: async (url: string) => copyLink(url, data => process.stdout.write(data)),
		hyperlinks: supportsHyperlinks(process.env),
	}, async publish => {
		const articles = await import('./core/article.js').then(
			module => {
				// In idle time just after: the first article opened then costs only its own layout.
				setTimeout(() => module.warmUp(), 20);
				return {loadArticle: module.loadArticle, loadArticleHead: module.loadArticleHead};
			},
			(error: unknown) => ({
				loadArticle: () => {
					throw error;
				},
			}),
		);
		publish(articles);
		if (opened.refresh === undefined) return undefined;
		const next = await opened.refresh({pause: idle.pause, onUpdate: (partial, done, total) => publish({...shown(partial), loading: {done, total}})});
		return next && {...shown(next), loading: undefined};
	});
	idle.stop();
	readState.flush();
}

main().catch((error: unknown) => {
	fail(error instanceof Error ? error.message.split('\n')[0]! : 'unexpected error', 70);
});
