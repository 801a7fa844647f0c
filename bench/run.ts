/**
 * `npm run bench`: builds folio, then measures what a person waits for (see the table it prints).
 *
 *   node --import tsx bench/run.ts [--quick] [--only NAME[,NAME...]]
 *
 * --quick   fewer runs and no 100k archive (--list --json, key, Enter and RSS figures at 10k)
 * --huge    only the million-post scenario (1M posts of 300-900 bytes, generated on first use:
 *           index build, first frame against 7k, key p95, search, RSS); never part of npm test
 * --only    measurement groups or ids (prefix match): print, list-json, db, first-frame, keys,
 *           live, enter, heavy, rss, corpus, search, or e.g. first-frame-7k
 *
 * Environment: FOLIO_BENCH_CLI (the command to measure, default bin/folio as a person runs it; a
 * .js file such as dist/cli.js runs with node), FOLIO_BENCH_ARCHIVES
 * (where synthetic archives are kept, default bench/.archives), FOLIO_BENCH_RESULTS (write the
 * JSON to this file instead of bench/results/, as bench/compare.ts does).
 *
 * Results: a table on stdout, JSON in bench/results/latest.json and bench/results/<time>.json.
 * When latest.json holds an earlier run, the table shows its values and the change.
 * A measurement that cannot be taken prints `n/a` and its one-line reason; the run goes on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {closeAll, keys, ptyAvailable, ptyError, type TerminalSession} from '../test/helpers/terminal.js';
import {heavyPosts} from '../test/helpers/heavy-posts.js';
import {ensureArchive, type ArchiveInfo, type KnownPost} from './generate.js';
import {captureCommand, launch, median, percentile, pressAndTime, quit, quiesce, reasonOf, repeat, timeCommand, waitScreen} from './measure.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsFolder = path.join(repoRoot, 'bench', 'results');
const cli = path.resolve(process.env.FOLIO_BENCH_CLI ?? path.join(repoRoot, 'bin', 'folio'));
const corpusRoot = path.resolve(repoRoot, '..', 'shared', 'corpus');
const printSample = path.join(repoRoot, 'content', '2021-11-25-china-russia-military-ties.md');
const node = process.execPath;

/** The command and arguments that run folio with `args`. */
function folio(...args: string[]): [string, string[]] {
	return cli.endsWith('.js') ? [node, [cli, ...args]] : [cli, args];
}
const cols = 120;
const rows = 40;

// --- options --------------------------------------------------------------------------------

type Options = {readonly quick: boolean; readonly huge: boolean; readonly only: readonly string[]};

function parseOptions(argv: readonly string[]): Options {
	let quick = false;
	let huge = false;
	const only: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		if (arg === '--quick') quick = true;
		else if (arg === '--huge') huge = true;
		else if (arg === '--only') only.push(...(argv[++index] ?? '').split(','));
		else if (arg.startsWith('--only=')) only.push(...arg.slice('--only='.length).split(','));
		else if (arg === '--help' || arg === '-h') {
			console.log('Usage: npm run bench -- [--quick] [--huge] [--only print,list-json,db,first-frame,keys,live,enter,heavy,rss,corpus,search | ID-PREFIX]');
			process.exit(0);
		} else {
			console.error(`bench: unknown argument ${arg} (try --help)`);
			process.exit(2);
		}
	}
	return {quick, huge, only: only.map(name => name.trim()).filter(Boolean)};
}

const options = parseOptions(process.argv.slice(2));
const big = options.quick ? 10_000 : 100_000;
const bigName = options.quick ? '10k' : '100k';

// --- results --------------------------------------------------------------------------------

type Target = {readonly op: '<' | '<='; readonly value: number};
type Unit = 'ms' | 'MB' | 'x';

/** One row of the table and the JSON. */
type Measurement = {
	id: string;
	group: string;
	label: string;
	unit: Unit;
	value: number | null;
	target?: Target;
	pass?: boolean;
	runs?: number;
	samples?: number[];
	note?: string;
	error?: string;
	previous?: number | null;
};

type Spec = {readonly id: string; readonly label: string; readonly unit: Unit; readonly target?: Target};

type Recorder = {
	/** Records a value (median, percentile, ratio...) with the samples it came from. */
	(id: string, value: number, samples?: readonly number[], note?: string): void;
};

type Group = {
	readonly name: string;
	readonly specs: readonly Spec[];
	readonly run: (record: Recorder) => Promise<void>;
};

const results: Measurement[] = [];
const log = (line: string): void => {
	process.stderr.write(`bench: ${line}\n`);
};

// --- shared set-up --------------------------------------------------------------------------

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-'));
let scratchCount = 0;

/** A new empty folder under the scratch folder (fresh cache, state or output). */
function freshFolder(label: string): string {
	const folder = path.join(scratch, `${label}-${++scratchCount}`);
	fs.mkdirSync(folder, {recursive: true});
	return folder;
}

const stateHome = freshFolder('state');
const configHome = freshFolder('config');
/** Cache folders that have seen at least one run, by archive, for warm measurements. */
const warmCaches = new Map<string, string>();

/** Environment for one run of folio: its own XDG cache/state/config folders. */
function folioEnv(cacheHome: string): Record<string, string> {
	return {XDG_CACHE_HOME: cacheHome, XDG_STATE_HOME: stateHome, XDG_CONFIG_HOME: configHome};
}

function warmCache(root: string): string {
	let folder = warmCaches.get(root);
	if (!folder) {
		folder = freshFolder('cache-warm');
		warmCaches.set(root, folder);
	}
	return folder;
}

function requireCli(): void {
	if (!fs.existsSync(cli)) throw new Error(`${path.relative(repoRoot, cli) || cli} not found (did npm run build fail?)`);
}

function requirePty(): void {
	if (!ptyAvailable) throw new Error(`no pseudo-terminal: ${reasonOf(ptyError)}`);
}

const archives = new Map<number, ArchiveInfo>();

/** The synthetic archive of `count` posts, generated on first use (and reused across runs). */
function archive(count: number): ArchiveInfo {
	let info = archives.get(count);
	if (!info) {
		info = ensureArchive(count, {log});
		archives.set(count, info);
	}
	return info;
}

const hugeCount = 1_000_000;
let hugeInfo: ArchiveInfo | undefined;

/** The million small posts of --huge, generated on first use. */
function hugeArchive(): ArchiveInfo {
	hugeInfo ??= ensureArchive(hugeCount, {small: true, log});
	return hugeInfo;
}

const pageCacheWarmed = new Set<string>();

/** Reads a folder once, untimed, so the OS page cache is warm for what follows. */
function warmPageCache(root: string): void {
	if (pageCacheWarmed.has(root)) return;
	pageCacheWarmed.add(root);
	try {
		timeCommand(...folio(root, '--list', '--json'), {env: folioEnv(freshFolder('cache-prewarm')), timeoutMs: 300_000});
	} catch {
		// The measurement itself reports the failure.
	}
}

const indexWarmed = new Set<string>();

/** Builds folio's index of `root` (listed fields and text) in its warm cache folder, once, untimed. */
function warmIndex(root: string): void {
	if (indexWarmed.has(root)) return;
	indexWarmed.add(root);
	try {
		timeCommand(...folio(root, '--list', '--search', 'warm-up'), {env: folioEnv(warmCache(root)), timeoutMs: 1_800_000});
	} catch {
		// The measurement itself reports the failure.
	}
}

/** What to look for on screen: the start of a title, whitespace squeezed, at most 13 characters. */
function titlePrefix(title: string): string {
	return [...title.trim().replace(/\s+/g, ' ')].slice(0, 13).join('').trimEnd();
}

const shortTitle = (post: KnownPost): string => titlePrefix(post.title.split(' · ')[0]!);

// --- TUI building blocks --------------------------------------------------------------------

/** Ms from launch until folio's "Loading posts" progress line was first seen, per cold run. */
const progressSeen = new Map<string, number[]>();

/** Starts folio on `target` in a 120x40 pty and resolves when the list shows `title`; returns ms. */
async function firstFrame(target: string, title: string, cacheHome: string, timeoutMs: number): Promise<number> {
	const {term, startedAt} = launch(...folio(target), {cols, rows, env: folioEnv(cacheHome), cwd: repoRoot});
	let progressAt: number | undefined;
	try {
		const {at} = await waitScreen(
			term,
			screen => {
				if (progressAt === undefined && screen.includes('Loading posts')) progressAt = performance.now();
				return screen.includes(title);
			},
			timeoutMs,
			`list frame showing "${title}"`,
		);
		if (progressAt !== undefined) progressSeen.set(target, [...(progressSeen.get(target) ?? []), progressAt - startedAt]);
		return at - startedAt;
	} finally {
		await quit(term, ['q', '\x03']);
	}
}

/** Cold (fresh cache folder each run) and warm (second and later runs on one cache) first frames. */
async function firstFrames(record: Recorder, idBase: string, target: string, title: string, runs: {cold: number; warm: number}, timeoutMs: number): Promise<void> {
	requireCli();
	requirePty();
	warmPageCache(target);
	let cache = '';
	progressSeen.delete(target);
	const cold = await repeat(
		runs.cold,
		async () => {
			cache = freshFolder('cache-cold');
			return firstFrame(target, title, cache, timeoutMs);
		},
		60_000,
	);
	record(`${idBase}-cold`, median(cold), cold);
	const progress = progressSeen.get(target) ?? [];
	if (progress.length > 0) record(`${idBase}-progress`, median(progress), progress);
	// A cold run quit at its first frame may not have read every post yet, and then writes no index:
	// a full listing writes it, so the warm runs start from a complete cache.
	timeCommand(...folio(target, '--list'), {env: folioEnv(cache), timeoutMs: 300_000});
	const warm = await repeat(runs.warm, async () => firstFrame(target, title, cache, timeoutMs), 60_000);
	record(`${idBase}-warm`, median(warm), warm);
	warmCaches.set(target, cache);
}

/** `--list --json` wall time, cold (fresh cache folder each run) then warm. */
function listJson(record: Recorder, idBase: string, target: string, runs: {cold: number; warm: number}): Promise<void> {
	requireCli();
	warmPageCache(target);
	let cache = '';
	return (async () => {
		const cold = await repeat(
			runs.cold,
			() => {
				cache = freshFolder('cache-cold');
				return timeCommand(...folio(target, '--list', '--json'), {env: folioEnv(cache)});
			},
			90_000,
		);
		record(`${idBase}-cold`, median(cold), cold);
		const warm = await repeat(runs.warm, () => timeCommand(...folio(target, '--list', '--json'), {env: folioEnv(cache)}), 60_000);
		record(`${idBase}-warm`, median(warm), warm);
		if (!warmCaches.has(target)) warmCaches.set(target, cache);
	})();
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Presses `key` up to `count` times, each at least 50 ms after the previous one (outside ink's
 * 30 fps render throttle, like a person reading), and returns the latencies. Stops early, keeping
 * what it has, if the screen stops changing (e.g. the end of an article) after 20 samples.
 */
async function pressMany(term: TerminalSession, key: string, count: number): Promise<{samples: number[]; note?: string}> {
	const samples: number[] = [];
	let last = 0;
	for (let index = 0; index < count; index++) {
		const wait = 50 - (performance.now() - last);
		if (wait > 0) await sleep(wait);
		last = performance.now();
		try {
			samples.push(await pressAndTime(term, key, {timeoutMs: 1000}));
		} catch (error) {
			if (samples.length >= 20) return {samples, note: `screen stopped changing after ${samples.length} presses`};
			throw error;
		}
	}
	return {samples};
}

// --- the measurements -----------------------------------------------------------------------

/**
 * Times `search` (an F search on the bench's own index) over the bench queries, three rounds after
 * one untimed search: Chinese of 1, 2 and 4 characters, a Traditional spelling of Simplified text,
 * Latin, AND, a phrase, an exclusion, a field. The ms of each.
 */
function timeSearches<Db>(db: Db, search: (db: Db, text: string) => unknown): number[] {
	const queries = ['港', '疫苗', '渔业配额', '烏克蘭', 'fishing', 'Ukraine', '香港 疫苗', '"fishing quotas"', '疫苗 -香港', 'title:渔业'];
	search(db, queries[0]!);
	const times: number[] = [];
	for (let round = 0; round < 3; round++) {
		for (const text of queries) {
			const started = performance.now();
			search(db, text);
			times.push(performance.now() - started);
		}
	}
	return times;
}

/** bench/stack-floor.ts bundled into the scratch folder, minified like folio's build; its path. */
async function bundleStackFloor(): Promise<string> {
	const {build} = await import('esbuild');
	const outfile = path.join(freshFolder('stack-floor'), 'stack-floor.mjs');
	await build({
		entryPoints: [path.join(repoRoot, 'bench', 'stack-floor.ts')],
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		minify: true,
		logLevel: 'silent',
		banner: {js: "import {createRequire as __floorRequire} from 'node:module'; const require = __floorRequire(import.meta.url);"},
	});
	return outfile;
}

/** A heavy post's id part: its file name without the extension. */
const heavySlug = (file: string): string => file.replace(/\.[^.]+$/, '');

const lt = (value: number): Target => ({op: '<', value});
const le = (value: number): Target => ({op: '<=', value});

const groups: Group[] = [
	{
		name: 'print',
		specs: [
			{id: 'bare-node', label: 'node -e 0', unit: 'ms'},
			{id: 'print-article', label: 'folio FILE --print > /dev/null', unit: 'ms'},
			{id: 'print-ratio', label: 'print / bare node', unit: 'x', target: le(1.6)},
			{id: 'print-stack-floor', label: 'gray-matter + marked + html-to-text alone on the same post (bench/stack-floor.ts, bundled)', unit: 'ms'},
			{id: 'print-stack-floor-ratio', label: 'that floor / bare node', unit: 'x'},
		],
		async run(record) {
			const runs = options.quick ? 5 : 10;
			timeCommand(node, ['-e', '0']);
			const floorScript = await bundleStackFloor();
			timeCommand(node, [floorScript, printSample]);
			const bare: number[] = [];
			const floor: number[] = [];
			const print: number[] = [];
			let printError: unknown;
			try {
				requireCli();
				timeCommand(...folio(printSample, '--print'));
			} catch (error) {
				printError = error;
			}
			// Interleaved so drift in machine load hits both alike.
			for (let index = 0; index < runs; index++) {
				bare.push(timeCommand(node, ['-e', '0']));
				floor.push(timeCommand(node, [floorScript, printSample]));
				if (!printError) print.push(timeCommand(...folio(printSample, '--print')));
			}
			record('bare-node', median(bare), bare);
			record('print-stack-floor', median(floor), floor);
			record('print-stack-floor-ratio', median(floor) / median(bare));
			if (printError) throw printError;
			record('print-article', median(print), print);
			record('print-ratio', median(print) / median(bare));
		},
	},
	{
		name: 'list-json',
		specs: [
			{id: `list-json-${bigName}-cold`, label: `--list --json > /dev/null, ${bigName}, empty cache`, unit: 'ms'},
			{id: `list-json-${bigName}-warm`, label: `--list --json > /dev/null, ${bigName}, warm cache`, unit: 'ms'},
		],
		async run(record) {
			await listJson(record, `list-json-${bigName}`, archive(big).root, options.quick ? {cold: 2, warm: 3} : {cold: 3, warm: 5});
		},
	},
	{
		name: 'db',
		specs: [
			{id: 'db-bare-node', label: 'node -e 0 (anchor, interleaved with the warm runs)', unit: 'ms'},
			{id: `db-list-json-${bigName}-warm`, label: `--list --json > /dev/null, ${bigName}, warm index`, unit: 'ms'},
			{id: `db-list-json-${bigName}-ratio`, label: '--list --json warm / bare node', unit: 'x', target: le(4)},
			{id: `db-list-json-${bigName}-since-warm`, label: `--list --json --since 1900-01-01 > /dev/null, ${bigName}, warm index (every post read from the index)`, unit: 'ms'},
			{id: `db-list-json-${bigName}-since-ratio`, label: '--list --json --since warm / bare node', unit: 'x'},
			{id: `db-build-${bigName}-cold`, label: `index build (--list, empty cache), ${bigName}`, unit: 'ms'},
			{id: `db-build-${bigName}-rate`, label: 'index build: files per second', unit: 'x'},
			{id: `db-index-size-${bigName}`, label: "index size / the archive's text", unit: 'x', target: le(1.5)},
			{id: `db-rss-${bigName}-build`, label: `peak RSS: index build, ${bigName}`, unit: 'MB', target: lt(250)},
			{id: `db-rss-${bigName}-warm`, label: `peak RSS: --list --json, ${bigName}, warm index`, unit: 'MB', target: lt(250)},
			{id: `db-rss-${bigName}-since-warm`, label: `peak RSS: --list --json --since 1900-01-01, ${bigName}, warm index`, unit: 'MB', target: lt(250)},
		],
		async run(record) {
			requireCli();
			const {root, manifest} = archive(big);
			warmPageCache(root);
			const cacheHome = freshFolder('db-cold');
			const useTime = fs.existsSync('/usr/bin/time');
			const peak = (out: string) => Number(fs.readFileSync(out, 'utf8').trim().split('\n').reverse().find(line => /^\d+$/.test(line.trim()))) / 1024;
			// Cold: one build into an empty cache folder (the measurement the others start from).
			const rssBuild = path.join(cacheHome, 'maxrss-build');
			const cold = useTime ? timeCommand('/usr/bin/time', ['-f', '%M', '-o', rssBuild, ...folio(root, '--list').flat()], {env: folioEnv(cacheHome), timeoutMs: 900_000}) : timeCommand(...folio(root, '--list'), {env: folioEnv(cacheHome), timeoutMs: 900_000});
			record(`db-build-${bigName}-cold`, cold, [cold]);
			record(`db-build-${bigName}-rate`, manifest.files / (cold / 1000), undefined, 'files a second (x = files/s)');
			if (useTime) record(`db-rss-${bigName}-build`, peak(rssBuild), undefined, 'via /usr/bin/time %M');
			const indexFolder = path.join(cacheHome, 'folio', 'index');
			const bytes = fs.readdirSync(indexFolder).reduce((sum, name) => sum + fs.statSync(path.join(indexFolder, name)).size, 0);
			record(`db-index-size-${bigName}`, bytes / manifest.bytes, undefined, `${(bytes / 1024 ** 2).toFixed(1)} MB index, ${(manifest.bytes / 1024 ** 2).toFixed(1)} MB of posts`);
			// Warm, interleaved with a bare node so drift in machine load hits both alike.
			const runs = options.quick ? 3 : 5;
			const bare: number[] = [];
			const warm: number[] = [];
			timeCommand(...folio(root, '--list', '--json'), {env: folioEnv(cacheHome)});
			const since = ['--list', '--json', '--since', '1900-01-01'];
			const filtered: number[] = [];
			for (let index = 0; index < runs; index++) {
				bare.push(timeCommand(node, ['-e', '0']));
				warm.push(timeCommand(...folio(root, '--list', '--json'), {env: folioEnv(cacheHome)}));
				filtered.push(timeCommand(...folio(root, ...since), {env: folioEnv(cacheHome)}));
			}
			record('db-bare-node', median(bare), bare);
			record(`db-list-json-${bigName}-warm`, median(warm), warm);
			record(`db-list-json-${bigName}-ratio`, median(warm) / median(bare), undefined, `${runs} runs each`);
			record(`db-list-json-${bigName}-since-warm`, median(filtered), filtered);
			record(`db-list-json-${bigName}-since-ratio`, median(filtered) / median(bare), undefined, `${runs} runs each`);
			if (useTime) {
				const out = path.join(cacheHome, 'maxrss-warm');
				timeCommand('/usr/bin/time', ['-f', '%M', '-o', out, ...folio(root, '--list', '--json').flat()], {env: folioEnv(cacheHome)});
				record(`db-rss-${bigName}-warm`, peak(out), undefined, 'via /usr/bin/time %M');
				const outSince = path.join(cacheHome, 'maxrss-since');
				timeCommand('/usr/bin/time', ['-f', '%M', '-o', outSince, ...folio(root, ...since).flat()], {env: folioEnv(cacheHome)});
				record(`db-rss-${bigName}-since-warm`, peak(outSince), undefined, 'via /usr/bin/time %M');
			}
		},
	},
	{
		name: 'first-frame',
		specs: [
			{id: 'first-frame-7k-cold', label: 'launch -> list frame, 7k, empty cache', unit: 'ms', target: lt(250)},
			{id: 'first-frame-7k-warm', label: 'launch -> list frame, 7k, warm cache', unit: 'ms', target: lt(250)},
			...(options.quick
				? []
				: [
						{id: 'first-frame-100k-progress', label: 'launch -> "Loading posts" shown, 100k, empty cache', unit: 'ms'} as const,
						{id: 'first-frame-100k-cold', label: 'launch -> list frame, 100k, empty cache', unit: 'ms', target: lt(1000)} as const,
						{id: 'first-frame-100k-warm', label: 'launch -> list frame, 100k, warm cache', unit: 'ms', target: lt(400)} as const,
						{id: 'first-frame-100k-ratio', label: 'list frame, warm: 100k / 7k (interleaved)', unit: 'x', target: le(1.1)} as const,
					]),
		],
		async run(record) {
			const small = archive(7000);
			await firstFrames(record, 'first-frame-7k', small.root, shortTitle(small.manifest.newest[0]!), options.quick ? {cold: 3, warm: 3} : {cold: 5, warm: 5}, 20_000);
			// Only when a 100k figure is wanted: `--only first-frame-7k` measures the small archive alone.
			if (!options.quick && (options.only.length === 0 || options.only.some(name => 'first-frame-100k'.startsWith(name) || name.startsWith('first-frame-100k')))) {
				const large = archive(100_000);
				await firstFrames(record, 'first-frame-100k', large.root, shortTitle(large.manifest.newest[0]!), {cold: 3, warm: 5}, 60_000);
				// The first frame reads one screenful: at 100k it should cost what it costs at 7k. Warm
				// runs of both, interleaved, so drift in machine load hits both alike.
				const pairs = {small: [] as number[], large: [] as number[]};
				for (let run = 0; run < 5; run++) {
					pairs.small.push(await firstFrame(small.root, shortTitle(small.manifest.newest[0]!), warmCache(small.root), 20_000));
					pairs.large.push(await firstFrame(large.root, shortTitle(large.manifest.newest[0]!), warmCache(large.root), 60_000));
				}
				record('first-frame-100k-ratio', median(pairs.large) / median(pairs.small), undefined, `5 interleaved warm pairs: 7k ${pairs.small.map(Math.round).join('/')} ms, 100k ${pairs.large.map(Math.round).join('/')} ms`);
			}
		},
	},
	{
		name: 'keys',
		specs: [
			{id: `keys-list-${bigName}-p50`, label: `list: j -> new frame, ${bigName}, p50`, unit: 'ms'},
			{id: `keys-list-${bigName}-p95`, label: `list: j -> new frame, ${bigName}, p95`, unit: 'ms', target: lt(16)},
			{id: `keys-reader-${bigName}-p50`, label: `reader: j -> new frame, ${bigName}, p50`, unit: 'ms'},
			{id: `keys-reader-${bigName}-p95`, label: `reader: j -> new frame, ${bigName}, p95`, unit: 'ms', target: lt(16)},
		],
		async run(record) {
			requireCli();
			requirePty();
			const {root, manifest} = archive(big);
			const presses = options.quick ? 60 : 200;
			const [long] = manifest.newest;
			const {term} = launch(...folio(root), {cols, rows, env: folioEnv(warmCache(root)), cwd: repoRoot});
			try {
				await waitScreen(term, screen => screen.includes(shortTitle(long!)), 60_000, 'first list frame');
				await quiesce(term, 100, 5000);
				const list = await pressMany(term, 'j', presses);
				record(`keys-list-${bigName}-p50`, percentile(list.samples, 50), list.samples, list.note);
				record(`keys-list-${bigName}-p95`, percentile(list.samples, 95), list.samples, list.note);
				term.write('g');
				await waitScreen(term, screen => screen.includes(shortTitle(long!)), 5000, 'list top after g');
				await quiesce(term, 50);
				term.write(keys.enter);
				await waitScreen(term, screen => screen.includes(long!.marker), 10_000, `reader showing ${long!.marker}`);
				await quiesce(term, 100, 5000);
				const reader = await pressMany(term, 'j', presses);
				record(`keys-reader-${bigName}-p50`, percentile(reader.samples, 50), reader.samples, reader.note);
				record(`keys-reader-${bigName}-p95`, percentile(reader.samples, 95), reader.samples, reader.note);
			} finally {
				await quit(term, ['q', 'q', '\x03']);
			}
		},
	},
	{
		name: 'live',
		specs: [
			{id: `live-new-file-${bigName}`, label: `a new post file -> its row on screen, ${bigName}`, unit: 'ms', target: lt(2000)},
			{id: `keys-preview-${bigName}-p50`, label: `list with the preview (180 columns): j -> new frame, ${bigName}, p50`, unit: 'ms'},
			{id: `keys-preview-${bigName}-p95`, label: `list with the preview (180 columns): j -> new frame, ${bigName}, p95`, unit: 'ms', target: lt(16)},
			{id: `keys-nopreview-${bigName}-p95`, label: `same session, preview hidden (v): j -> new frame, ${bigName}, p95`, unit: 'ms'},
			{id: `keys-preview-${bigName}-ratio`, label: `j -> new frame p95, preview shown / hidden (the anchor), ${bigName}`, unit: 'x'},
		],
		async run(record) {
			requireCli();
			requirePty();
			const {root, manifest} = archive(big);
			const presses = options.quick ? 60 : 200;
			const [long] = manifest.newest;
			// The archive as a person who opened it before has it: indexed, text and all (untimed).
			warmIndex(root);
			const {term} = launch(...folio(root), {cols: 180, rows, env: folioEnv(warmCache(root)), cwd: repoRoot});
			// A post newer than every generated one, so its row comes at the top of the list.
			const title = `Live bench arrival ${process.pid}`;
			const file = path.join(root, `zz-live-bench-${process.pid}.md`);
			try {
				// The whole archive listed first (a post that comes while it is still read waits for the
				// list), and its files checked against the index: keys are timed on an idle reader.
				const total = `/${manifest.count.toLocaleString('en-US')} posts`;
				await waitScreen(term, screen => screen.includes(shortTitle(long!)) && screen.includes(total) && !screen.includes('loading'), 180_000, 'the whole list');
				// The check starts once the folder is watched (subscribing to 100k files takes seconds).
				await waitScreen(term, screen => screen.includes('indexing'), 120_000, 'the check of the files').catch(() => undefined);
				await waitScreen(term, screen => !screen.includes('indexing'), 300_000, 'the check of the files done');
				await quiesce(term, 300, 5000);
				const samples = await repeat(options.quick ? 2 : 3, async index => {
					const started = performance.now();
					fs.writeFileSync(file, `---\ntitle: "${title} ${index}"\ndate: 2099-01-01 09:00:00 +00:00\n---\n\nArrived while the reader was open.\n`);
					const {at} = await waitScreen(term, screen => screen.includes(`${title} ${index}`), 10_000, 'the new post on screen');
					fs.rmSync(file, {force: true});
					await waitScreen(term, screen => !screen.includes(`${title} ${index}`), 10_000, 'the removed post gone');
					return at - started;
				});
				record(`live-new-file-${bigName}`, median(samples), samples);
				// With and without the preview in turns (v between blocks), so drift in machine load hits both alike.
				const blocks = 4;
				const preview: number[] = [];
				const plain: number[] = [];
				const blockP95 = {preview: [] as number[], plain: [] as number[]};
				let note: string | undefined;
				for (let block = 0; block < blocks * 2; block++) {
					await quiesce(term, 200, 5000);
					const shown = block % 2 === 0;
					const pressed = await pressMany(term, 'j', Math.ceil(presses / blocks));
					(shown ? preview : plain).push(...pressed.samples);
					(shown ? blockP95.preview : blockP95.plain).push(percentile(pressed.samples, 95));
					note ??= pressed.note;
					term.write('v');
				}
				const spread = (values: readonly number[]) => `p95 per block ${values.map(value => value.toFixed(1)).join(', ')} ms`;
				record(`keys-preview-${bigName}-p50`, percentile(preview, 50), preview, note);
				record(`keys-preview-${bigName}-p95`, percentile(preview, 95), preview, note ?? spread(blockP95.preview));
				record(`keys-nopreview-${bigName}-p95`, percentile(plain, 95), plain, spread(blockP95.plain));
				record(`keys-preview-${bigName}-ratio`, percentile(preview, 95) / percentile(plain, 95), undefined, 'p95 with the preview / p95 without, same session, interleaved');
			} finally {
				fs.rmSync(file, {force: true});
				await quit(term, ['q', 'q', '\x03']);
			}
		},
	},
	{
		name: 'enter',
		specs: [
			{id: `enter-typical-${bigName}`, label: `Enter -> article frame, 2-4 KB post, ${bigName}`, unit: 'ms'},
			{id: 'enter-word-400k', label: 'Enter -> article frame, 400 KB one-line Word HTML', unit: 'ms', target: lt(50)},
		],
		async run(record) {
			requireCli();
			requirePty();
			const {root, manifest} = archive(big);
			const opens = options.quick ? 5 : 10;
			const posts = manifest.newest;
			const listShown = (screen: string): boolean => screen.includes(shortTitle(posts[0]!)) && screen.includes(shortTitle(posts[1]!));
			const typical: number[] = [];
			let typicalError: unknown;
			const {term} = launch(...folio(root), {cols, rows, env: folioEnv(warmCache(root)), cwd: repoRoot});
			try {
				await waitScreen(term, listShown, 60_000, 'first list frame');
				// Posts 01..N are typical and each is opened once, so no article cache helps.
				for (let index = 1; index <= Math.min(opens, posts.length - 1); index++) {
					await pressAndTime(term, 'j', {quietMs: 30});
					const post = posts[index]!;
					await sleep(50);
					typical.push(await pressAndTime(term, keys.enter, {until: screen => screen.includes(post.marker), timeoutMs: 10_000, what: `reader showing ${post.marker}`, quietMs: 30}));
					await sleep(50);
					term.write('q');
					await waitScreen(term, screen => listShown(screen) && !screen.includes(post.marker), 5000, 'list after q');
				}
			} catch (error) {
				typicalError = error;
			} finally {
				await quit(term, ['q', 'q', '\x03']);
			}
			if (typical.length > 0) record(`enter-typical-${bigName}`, median(typical), typical, typicalError ? `stopped: ${reasonOf(typicalError)}` : undefined);

			// The 400 KB post, alone in a folder: the list shows it, and Enter opens it. (`folio FILE`
			// opens the article at once, so it has no Enter to time.)
			const word = manifest.word;
			const folder = freshFolder('word-archive');
			fs.copyFileSync(path.join(root, word.relPath), path.join(folder, path.basename(word.relPath)));
			const wordTitle = shortTitle(word);
			const cache = freshFolder('cache-word');
			const samples = await repeat(options.quick ? 3 : 5, async () => {
				const session = launch(...folio(folder), {cols, rows, env: folioEnv(cache), cwd: repoRoot});
				try {
					const {screen} = await waitScreen(session.term, screen => screen.includes(wordTitle) || screen.includes(word.marker), 20_000, 'list frame with the 400 KB post');
					if (screen.includes(word.marker)) throw new Error('the list frame already shows the article; no Enter to time');
					// A person reads the list before pressing Enter: by then the start-up work that follows the
					// first frame (loading the article code) is over, and Enter times the article alone.
					await sleep(500);
					await quiesce(session.term, 50);
					return await pressAndTime(session.term, keys.enter, {until: screen => screen.includes(word.marker), timeoutMs: 20_000, what: `reader showing "${word.marker}"`});
				} finally {
					await quit(session.term, ['q', 'q', '\x03']);
				}
			});
			record('enter-word-400k', median(samples), samples);
			if (typicalError && typical.length === 0) throw typicalError;
		},
	},
	{
		// The posts of test/helpers/heavy-posts.ts: each printed, and opened from the list, as a ratio to a bare node start.
		name: 'heavy',
		specs: [
			{id: 'heavy-bare-node', label: 'node -e 0', unit: 'ms'},
			...heavyPosts.flatMap(post => [
				{id: `heavy-print-${heavySlug(post.file)}`, label: `print: ${post.name}`, unit: 'ms', target: lt(1000)} as const,
				{id: `heavy-print-${heavySlug(post.file)}-ratio`, label: `print / bare node: ${post.name}`, unit: 'x'} as const,
				{id: `heavy-enter-${heavySlug(post.file)}`, label: `Enter -> article frame: ${post.name}`, unit: 'ms'} as const,
				{id: `heavy-enter-${heavySlug(post.file)}-ratio`, label: `Enter -> article frame / bare node: ${post.name}`, unit: 'x'} as const,
			]),
		],
		async run(record) {
			requireCli();
			const runs = options.quick ? 3 : 5;
			const folder = freshFolder('heavy');
			for (const post of heavyPosts) fs.writeFileSync(path.join(folder, post.file), post.text);
			timeCommand(node, ['-e', '0']);
			const bare: number[] = [];
			const prints = new Map<string, number[]>();
			// Interleaved with the bare starts, so drift in machine load hits both alike.
			for (let index = 0; index < runs; index++) {
				bare.push(timeCommand(node, ['-e', '0']));
				for (const post of heavyPosts) {
					const samples = prints.get(post.file) ?? [];
					samples.push(timeCommand(...folio(path.join(folder, post.file), '--print'), {timeoutMs: 60_000}));
					prints.set(post.file, samples);
				}
			}
			record('heavy-bare-node', median(bare), bare);
			for (const post of heavyPosts) {
				const samples = prints.get(post.file)!;
				record(`heavy-print-${heavySlug(post.file)}`, median(samples), samples);
				record(`heavy-print-${heavySlug(post.file)}-ratio`, median(samples) / median(bare));
			}
			requirePty();
			for (const post of heavyPosts) {
				const title = titlePrefix(/^title: (.*)$/m.exec(post.text)?.[1] ?? post.file);
				const article = (screen: string): boolean => /^line 1\/\d+/m.test(screen) && !screen.includes('Loading…');
				const samples = await repeat(runs, async () => {
					const session = launch(...folio(path.join(folder, post.file)), {cols, rows, env: folioEnv(freshFolder('cache-heavy')), cwd: repoRoot});
					try {
						await waitScreen(session.term, screen => screen.includes(title), 20_000, `list frame with "${title}"`);
						// As a person would, after reading the list: the article worker has started by then.
						await sleep(500);
						await quiesce(session.term, 50);
						return await pressAndTime(session.term, keys.enter, {until: article, timeoutMs: 60_000, what: `article frame of "${title}"`});
					} finally {
						await quit(session.term, ['q', 'q', '\x03']);
					}
				}, 120_000);
				record(`heavy-enter-${heavySlug(post.file)}`, median(samples), samples);
				record(`heavy-enter-${heavySlug(post.file)}-ratio`, median(samples) / median(bare));
			}
		},
	},
	{
		name: 'rss',
		specs: [{id: `rss-peak-${bigName}`, label: `peak RSS: TUI on ${bigName}, G, a few keys, quit`, unit: 'MB', target: lt(250)}],
		async run(record) {
			requireCli();
			requirePty();
			const {root, manifest} = archive(big);
			const runs = options.quick ? 1 : 2;
			const useTime = fs.existsSync('/usr/bin/time');
			const samples: number[] = [];
			for (let run = 0; run < runs; run++) {
				const out = path.join(freshFolder('rss'), 'maxrss');
				if (!useTime && !cli.endsWith('.js')) throw new Error('/usr/bin/time is missing (needed to measure bin/folio; set FOLIO_BENCH_CLI=dist/cli.js)');
				const [command, args, extraEnv] = useTime
					? ['/usr/bin/time', ['-f', '%M', '-o', out, ...folio(root).flat()], {}]
					: [node, ['--import', path.join(repoRoot, 'bench', 'rss-probe.mjs'), cli, root], {FOLIO_BENCH_RSS_FILE: out}];
				const {term} = launch(command, args, {cols, rows, env: {...folioEnv(warmCache(root)), ...extraEnv}, cwd: repoRoot});
				try {
					await waitScreen(term, screen => screen.includes(shortTitle(manifest.newest[0]!)), 60_000, 'first list frame');
					for (const key of ['G', 'k', 'k', 'k', 'j', 'g', 'G']) {
						await sleep(30);
						await pressAndTime(term, key, {timeoutMs: 5000});
					}
				} finally {
					await quit(term, ['q', '\x03']);
				}
				const text = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
				const kb = Number(text.trim().split('\n').reverse().find(line => /^\d+$/.test(line.trim())));
				if (!Number.isFinite(kb) || kb <= 0) throw new Error(`no peak RSS reported (${useTime ? '/usr/bin/time' : 'rss-probe'} wrote ${JSON.stringify(text.slice(0, 60))})`);
				samples.push(kb / 1024);
			}
			record(`rss-peak-${bigName}`, Math.max(...samples), samples, useTime ? 'via /usr/bin/time %M (max of runs)' : 'via bench/rss-probe.mjs (max of runs)');
		},
	},
	{
		name: 'corpus',
		specs: [
			{id: 'corpus-list-json-cold', label: '--list --json > /dev/null, ../shared/corpus, empty cache', unit: 'ms'},
			{id: 'corpus-list-json-warm', label: '--list --json > /dev/null, ../shared/corpus, warm cache', unit: 'ms'},
			{id: 'corpus-first-frame-pen-cold', label: 'launch -> list frame, pen-2024-11, empty cache', unit: 'ms', target: lt(250)},
			{id: 'corpus-first-frame-pen-warm', label: 'launch -> list frame, pen-2024-11, warm cache', unit: 'ms', target: lt(250)},
		],
		async run(record) {
			if (!fs.existsSync(corpusRoot)) throw new Error(`${corpusRoot} not found`);
			requireCli();
			await listJson(record, 'corpus-list-json', corpusRoot, options.quick ? {cold: 2, warm: 3} : {cold: 3, warm: 5});
			const pen = path.join(corpusRoot, 'pen-2024-11');
			if (!fs.existsSync(pen)) throw new Error(`${pen} not found`);
			// folio itself says which post is newest, so the list frame can be recognised.
			const first = captureCommand(...folio(pen, '--list', '--json'), {env: folioEnv(freshFolder('cache-probe'))}).split('\n')[0] ?? '';
			const title = titlePrefix((JSON.parse(first) as {title: string}).title);
			await firstFrames(record, 'corpus-first-frame-pen', pen, title, options.quick ? {cold: 2, warm: 3} : {cold: 5, warm: 5}, 20_000);
		},
	},
	{
		name: 'search',
		specs: [
			{id: `search-index-build-${bigName}`, label: `search index build (read, clean, FTS5), ${bigName}`, unit: 'ms'},
			{id: `search-index-files-per-s-${bigName}`, label: `search index build, files a second, ${bigName}`, unit: 'x'},
			{id: `search-index-size-ratio-${bigName}`, label: `search index size / archive bytes, ${bigName}`, unit: 'x', target: le(1.5)},
			{id: `search-inprocess-${bigName}`, label: `search in-process (F -> ids + one screenful of lines), ${bigName}, median of queries`, unit: 'ms', target: lt(100)},
			{id: `search-inprocess-${bigName}-max`, label: `search in-process, slowest query, ${bigName}`, unit: 'ms'},
			{id: `search-grep-${bigName}`, label: `grep -rlF WORD > /dev/null, ${bigName}`, unit: 'ms'},
			{id: `search-cli-build-${bigName}`, label: `--list --search WORD, ${bigName}, cold cache (builds folio's index with the text)`, unit: 'ms'},
			{id: `search-cli-${bigName}`, label: `--list --search WORD > /dev/null, ${bigName}, warm cache`, unit: 'ms'},
			{id: `search-cli-ratio-${bigName}`, label: '--list --search / grep -rlF', unit: 'x', target: le(0.2)},
			{id: `search-cli-rss-${bigName}`, label: `peak RSS: --list --search WORD, ${bigName}, warm cache`, unit: 'MB', target: lt(250)},
		],
		async run(record) {
			const {root, manifest} = archive(big);
			// The in-process figures build an index of their own: only when one of them is asked for.
			if (wanted('search', ['search-index', 'search-inprocess'])) {
				const {buildSearchIndex, searchScreen} = await import('./search-index.js');
				const built = buildSearchIndex(root, path.join(freshFolder('search-index'), 'search.db'));
				record(`search-index-build-${bigName}`, built.buildMs);
				record(`search-index-files-per-s-${bigName}`, built.posts / (built.buildMs / 1000));
				record(`search-index-size-ratio-${bigName}`, built.bytes / manifest.bytes, undefined, `${Math.round(built.bytes / 1e6)} MB for ${Math.round(manifest.bytes / 1e6)} MB of posts`);
				const times = timeSearches(built.db, searchScreen);
				built.db.close();
				record(`search-inprocess-${bigName}`, median(times), times);
				record(`search-inprocess-${bigName}-max`, Math.max(...times));
			}
			requireCli();
			// The same word for grep and folio, in one run, interleaved.
			const word = '渔业配额';
			timeCommand('grep', ['-rlF', word, root]);
			const env = folioEnv(warmCache(root));
			// The first search writes every post's text to folio's index (its cold build); the timed ones answer from it.
			const buildMs = timeCommand(...folio(root, '--list', '--search', word), {env, timeoutMs: 1_800_000});
			record(`search-cli-build-${bigName}`, buildMs, undefined, `${Math.round(manifest.count / (buildMs / 1000))} files a second`);
			const grep: number[] = [];
			const cliTimes: number[] = [];
			for (let run = 0; run < (options.quick ? 2 : 5); run++) {
				grep.push(timeCommand('grep', ['-rlF', word, root], {timeoutMs: 600_000}));
				cliTimes.push(timeCommand(...folio(root, '--list', '--search', word), {env, timeoutMs: 900_000}));
			}
			record(`search-grep-${bigName}`, median(grep), grep);
			record(`search-cli-${bigName}`, median(cliTimes), cliTimes);
			if (fs.existsSync('/usr/bin/time')) {
				const out = path.join(freshFolder('search-rss'), 'maxrss');
				timeCommand('/usr/bin/time', ['-f', '%M', '-o', out, ...folio(root, '--list', '--search', word).flat()], {env, timeoutMs: 900_000});
				const kb = Number(fs.readFileSync(out, 'utf8').trim().split('\n').reverse().find(line => /^\d+$/.test(line.trim())));
				record(`search-cli-rss-${bigName}`, kb / 1024, undefined, 'via /usr/bin/time %M');
			}
			record(`search-cli-ratio-${bigName}`, median(cliTimes) / median(grep));
		},
	},
];

/** The --huge scenario: a million small posts. Run alone (`npm run bench -- --huge`). */
const hugeGroup: Group = {
	name: 'huge',
	specs: [
		{id: 'huge-index-build-1m', label: 'index build, 1M small posts, cold (--list > /dev/null)', unit: 'ms'},
		{id: 'huge-index-files-per-s-1m', label: 'index build, files a second, 1M', unit: 'x'},
		{id: 'huge-list-json-1m-warm', label: '--list --json > /dev/null, 1M, warm', unit: 'ms'},
		{id: 'huge-first-frame-7k-warm', label: 'launch -> list frame, 7k, warm (the anchor)', unit: 'ms'},
		{id: 'huge-first-frame-1m-warm', label: 'launch -> list frame, 1M, warm', unit: 'ms'},
		{id: 'huge-first-frame-ratio', label: 'first frame 1M / 7k, warm', unit: 'x', target: le(1.2)},
		{id: 'huge-keys-list-1m-p95', label: 'list: j -> new frame, 1M, p95', unit: 'ms', target: lt(16)},
		{id: 'huge-search-inprocess-1m', label: 'search in-process (ids + one screenful of lines), 1M, median of queries', unit: 'ms', target: lt(200)},
		{id: 'huge-rss-peak-1m', label: 'peak RSS: TUI on 1M, G, a few keys, quit', unit: 'MB', target: lt(300)},
	],
	async run(record) {
		requireCli();
		requirePty();
		const {root, manifest} = hugeArchive();
		const cache = freshFolder('cache-huge');
		const env = folioEnv(cache);
		const buildMs = timeCommand(...folio(root, '--list'), {env, timeoutMs: 3_600_000});
		record('huge-index-build-1m', buildMs, undefined, `${manifest.files.toLocaleString('en-US')} files, ${Math.round(manifest.bytes / 1e6)} MB`);
		record('huge-index-files-per-s-1m', manifest.files / (buildMs / 1000));
		warmCaches.set(root, cache);
		const lists: number[] = [];
		for (let run = 0; run < 3; run++) lists.push(timeCommand(...folio(root, '--list', '--json'), {env, timeoutMs: 600_000}));
		record('huge-list-json-1m-warm', median(lists), lists);

		// The anchor and the huge archive in turns, each on a cache a run has filled.
		const small = archive(7000);
		const smallCache = warmCache(small.root);
		timeCommand(...folio(small.root, '--list'), {env: folioEnv(smallCache), timeoutMs: 300_000});
		const smallTitle = shortTitle(small.manifest.newest[0]!);
		const hugeTitle = shortTitle(manifest.newest[0]!);
		const smallFrames: number[] = [];
		const hugeFrames: number[] = [];
		for (let run = 0; run < 5; run++) {
			smallFrames.push(await firstFrame(small.root, smallTitle, smallCache, 20_000));
			hugeFrames.push(await firstFrame(root, hugeTitle, cache, 120_000));
		}
		record('huge-first-frame-7k-warm', median(smallFrames), smallFrames);
		record('huge-first-frame-1m-warm', median(hugeFrames), hugeFrames);
		record('huge-first-frame-ratio', median(hugeFrames) / median(smallFrames));

		const {term} = launch(...folio(root), {cols, rows, env, cwd: repoRoot});
		try {
			await waitScreen(term, screen => screen.includes(hugeTitle), 120_000, 'first list frame');
			await quiesce(term, 100, 10_000);
			const list = await pressMany(term, 'j', 200);
			record('huge-keys-list-1m-p95', percentile(list.samples, 95), list.samples, list.note);
		} finally {
			await quit(term, ['q', '\x03']);
		}

		const {buildSearchIndex, searchScreen} = await import('./search-index.js');
		const built = buildSearchIndex(root, path.join(freshFolder('search-index-huge'), 'search.db'));
		try {
			const times = timeSearches(built.db, searchScreen);
			record('huge-search-inprocess-1m', median(times), times, `slowest ${Math.round(Math.max(...times))} ms; search index built in ${Math.round(built.buildMs / 1000)} s`);
		} finally {
			built.db.close();
		}

		const out = path.join(freshFolder('rss-huge'), 'maxrss');
		if (!fs.existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is missing (needed for the peak RSS)');
		const timed = launch('/usr/bin/time', ['-f', '%M', '-o', out, ...folio(root).flat()], {cols, rows, env, cwd: repoRoot});
		try {
			await waitScreen(timed.term, screen => screen.includes(hugeTitle), 120_000, 'first list frame');
			for (const key of ['G', 'k', 'k', 'k', 'j', 'g', 'G']) {
				await sleep(30);
				await pressAndTime(timed.term, key, {timeoutMs: 10_000});
			}
		} finally {
			await quit(timed.term, ['q', '\x03']);
		}
		const kb = Number(fs.readFileSync(out, 'utf8').trim().split('\n').reverse().find(line => /^\d+$/.test(line.trim())));
		if (!Number.isFinite(kb) || kb <= 0) throw new Error('no peak RSS reported by /usr/bin/time');
		record('huge-rss-peak-1m', kb / 1024);
	},
};

// --- running, reporting ---------------------------------------------------------------------

/** Whether the group, or a measurement of it whose id starts with one of `prefixes`, is asked for (--only). */
function wanted(groupName: string, prefixes: readonly string[]): boolean {
	if (options.only.length === 0) return true;
	return options.only.some(name => name === groupName || prefixes.some(prefix => name.startsWith(prefix) || prefix.startsWith(name)));
}

function selected(group: Group, spec: Spec): boolean {
	if (options.only.length === 0) return true;
	return options.only.some(name => name === group.name || spec.id.startsWith(name));
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}

async function runGroup(group: Group): Promise<void> {
	const specs = group.specs.filter(spec => selected(group, spec));
	if (specs.length === 0) return;
	const wanted = new Set(specs.map(spec => spec.id));
	const done = new Map<string, Measurement>();
	const record: Recorder = (id, value, samples, note) => {
		const spec = group.specs.find(entry => entry.id === id);
		if (!spec || !wanted.has(id)) return;
		const rounded = spec.unit === 'x' ? Math.round(value * 100) / 100 : round(value);
		const measurement: Measurement = {id, group: group.name, label: spec.label, unit: spec.unit, value: Number.isFinite(value) ? rounded : null};
		if (spec.target) {
			measurement.target = spec.target;
			if (measurement.value !== null) measurement.pass = spec.target.op === '<' ? value < spec.target.value : value <= spec.target.value;
		}
		if (samples) {
			measurement.runs = samples.length;
			measurement.samples = samples.map(round);
		}
		if (note) measurement.note = note;
		done.set(id, measurement);
		log(`${id}: ${measurement.value ?? 'n/a'} ${spec.unit}`);
	};
	const started = performance.now();
	let failure: string | undefined;
	try {
		await group.run(record);
	} catch (error) {
		failure = reasonOf(error);
		log(`${group.name}: ${failure}`);
	} finally {
		await closeAll();
	}
	for (const spec of specs) {
		const measurement = done.get(spec.id) ?? {id: spec.id, group: group.name, label: spec.label, unit: spec.unit, value: null, error: failure ?? 'not measured'};
		if (!done.has(spec.id) && spec.target) measurement.target = spec.target;
		results.push(measurement);
	}
	log(`${group.name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

type ResultsFile = {results?: Measurement[]; startedAt?: string};

/** The values of the previous run (bench/results/latest.json), by id. */
function loadPrevious(): {values: Map<string, number>; from: string | undefined} {
	const values = new Map<string, number>();
	try {
		const data = JSON.parse(fs.readFileSync(path.join(resultsFolder, 'latest.json'), 'utf8')) as ResultsFile;
		for (const entry of data.results ?? []) if (typeof entry.value === 'number') values.set(entry.id, entry.value);
		return {values, from: data.startedAt};
	} catch {
		return {values, from: undefined};
	}
}

function formatValue(value: number | null | undefined, unit: Unit): string {
	if (value === null || value === undefined) return 'n/a';
	if (unit === 'x') return `${value.toFixed(2)}x`;
	const digits = value >= 100 ? 0 : 1;
	return `${value.toFixed(digits)} ${unit}`;
}

function formatTarget(target: Target | undefined, unit: Unit): string {
	if (!target) return '';
	return `${target.op === '<' ? '<' : '≤'} ${unit === 'x' ? `${target.value}x` : `${target.value} ${unit}`}`;
}

/** The change from the previous run: `-12%` (lower) or `+5%` (higher). */
function formatChange(m: Measurement): string {
	if (typeof m.value !== 'number' || typeof m.previous !== 'number' || m.previous === 0) return '';
	const percent = Math.round(((m.value - m.previous) / m.previous) * 100);
	return `${percent > 0 ? '+' : ''}${percent}%`;
}

function table(measurements: readonly Measurement[], showPrevious: boolean): string {
	const header = ['measurement', 'what', 'value', 'target', 'ok', ...(showPrevious ? ['previous', 'change'] : []), 'runs', 'note'];
	const lines = measurements.map(m => [
		m.id,
		m.label,
		formatValue(m.value, m.unit),
		formatTarget(m.target, m.unit),
		m.value === null ? (m.target ? '-' : '') : m.pass === undefined ? '' : m.pass ? 'pass' : 'FAIL',
		...(showPrevious ? [formatValue(m.previous, m.unit).replace('n/a', ''), formatChange(m)] : []),
		m.runs === undefined ? '' : String(m.runs),
		m.error ? `n/a: ${m.error}` : (m.note ?? ''),
	]);
	const widths = header.map((title, column) => Math.max(title.length, ...lines.map(line => [...line[column]!].length)));
	const right = new Set(['value', 'previous', 'change', 'runs']);
	const format = (line: string[]): string =>
		line
			.map((cell, column) => {
				const width = widths[column]!;
				if (column === line.length - 1) return cell;
				return right.has(header[column]!) ? cell.padStart(width) : cell.padEnd(width);
			})
			.join('  ')
			.trimEnd();
	return [format(header), widths.map(width => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

function machine() {
	const cpus = os.cpus();
	let build: {cli: string; bytes: number; mtime: string} | undefined;
	try {
		const folder = path.join(repoRoot, 'dist');
		const bytes = fs
			.readdirSync(folder)
			.filter(name => /\.(js|cjs)$/.test(name))
			.reduce((sum, name) => sum + fs.statSync(path.join(folder, name)).size, 0);
		build = {cli: path.relative(repoRoot, cli) || cli, bytes, mtime: fs.statSync(path.join(folder, 'cli.js')).mtime.toISOString()};
	} catch {
		build = undefined;
	}
	return {
		machine: {
			os: `${os.type()} ${os.release()}`,
			platform: process.platform,
			arch: process.arch,
			cpuModel: cpus[0]?.model.trim() ?? 'unknown',
			cpus: cpus.length,
			memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
			node: process.version,
		},
		build,
	};
}

async function main(): Promise<void> {
	const startedAt = new Date();
	const previous = loadPrevious();
	log(`${options.quick ? 'quick run' : 'full run'}${options.only.length > 0 ? `, only ${options.only.join(',')}` : ''}; measuring ${path.relative(repoRoot, cli) || cli}`);
	for (const group of options.huge ? [hugeGroup] : groups) await runGroup(group);
	for (const measurement of results) measurement.previous = previous.values.get(measurement.id) ?? null;

	const info = machine();
	const showPrevious = results.some(measurement => measurement.previous !== null);
	const finishedAt = new Date();
	console.log(`\nfolio benchmark — ${info.machine.cpuModel} x${info.machine.cpus}, ${info.machine.memoryGB} GB, ${info.machine.os}, node ${info.machine.node}${options.quick ? ' (quick)' : ''}`);
	if (showPrevious && previous.from) console.log(`previous: ${previous.from}`);
	console.log('');
	console.log(table(results, showPrevious));
	const withTarget = results.filter(measurement => measurement.target);
	const passed = withTarget.filter(measurement => measurement.pass === true).length;
	const failed = withTarget.filter(measurement => measurement.pass === false).length;
	const missing = results.filter(measurement => measurement.value === null).length;
	console.log(`\n${passed} pass, ${failed} fail, ${missing} n/a; ${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s`);

	const data = {
		startedAt: startedAt.toISOString(),
		finishedAt: finishedAt.toISOString(),
		options,
		...info,
		terminal: {cols, rows},
		archives: Object.fromEntries(
			[...archives.entries()].map(([count, entry]) => [
				count,
				{root: path.relative(repoRoot, entry.root), files: entry.manifest.files, bytes: entry.manifest.bytes, medianBytes: entry.manifest.medianBytes, largest: entry.manifest.largest, folders: entry.manifest.folders, reused: entry.reused, generationMs: entry.manifest.generationMs},
			]),
		),
		results,
	};
	const json = JSON.stringify(data, null, '\t') + '\n';
	// A comparison (bench/compare.ts) takes each run's results from the file it names, and keeps latest.json as it was.
	const resultsFile = process.env['FOLIO_BENCH_RESULTS'];
	if (resultsFile) {
		fs.writeFileSync(resultsFile, json);
		return;
	}

	fs.mkdirSync(resultsFolder, {recursive: true});
	const stamp = startedAt.toISOString().replace(/:/g, '-');
	for (const name of [`${stamp}.json`, 'latest.json']) {
		const file = path.join(resultsFolder, name);
		fs.writeFileSync(`${file}.tmp`, json);
		fs.renameSync(`${file}.tmp`, file);
	}
	console.log(`results: ${path.relative(repoRoot, path.join(resultsFolder, 'latest.json'))} and ${path.relative(repoRoot, path.join(resultsFolder, `${stamp}.json`))}`);
}

function cleanUp(): void {
	fs.rmSync(scratch, {recursive: true, force: true});
}

process.on('SIGINT', () => {
	void closeAll().finally(() => {
		cleanUp();
		process.exit(130);
	});
});

try {
	await main();
} finally {
	await closeAll();
	cleanUp();
}
