/**
 * Measuring helpers for the benchmark: statistics, timing a child process, and timing what a
 * person would see in a real pseudo-terminal (via test/helpers/terminal.ts).
 *
 * Screen changes are detected by polling the harness every millisecond: the cheap `raw().length`
 * tells whether output arrived, and only then is the emulated screen flushed and read. Latencies
 * are therefore "key written to the pty" -> "new screen text parsed here", with ~1 ms resolution.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import {startTerminal, type TerminalSession} from '../test/helpers/terminal.js';

/** Median of the samples (NaN when there are none). */
export function median(samples: readonly number[]): number {
	return percentile(samples, 50);
}

/** Nearest-rank percentile (p in 0..100) of the samples (NaN when there are none). */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** The first line of an error, for a one-line `n/a` reason. */
export function reasonOf(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return (text.split('\n').find(line => line.trim() !== '') ?? 'unknown error').trim().slice(0, 160);
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Runs `fn` up to `runs` times and returns the samples, stopping early (after at least one run)
 * once `budgetMs` of wall time has gone, so a slow build cannot blow the whole benchmark's time.
 */
export async function repeat(runs: number, fn: (index: number) => Promise<number> | number, budgetMs = Number.POSITIVE_INFINITY): Promise<number[]> {
	const samples: number[] = [];
	const started = performance.now();
	for (let index = 0; index < runs; index++) {
		samples.push(await fn(index));
		if (performance.now() - started > budgetMs) break;
	}
	return samples;
}

/** Options for {@link timeCommand}. */
export type CommandOptions = {
	readonly env?: Record<string, string | undefined>;
	readonly cwd?: string;
	readonly timeoutMs?: number;
};

/**
 * Wall time in ms of running a command to completion with stdout sent to /dev/null (not a
 * terminal) and stdin closed. Throws with the first line of stderr when it fails.
 */
export function timeCommand(command: string, args: readonly string[], options: CommandOptions = {}): number {
	const devNull = fs.openSync('/dev/null', 'w');
	try {
		const env = {...process.env, ...options.env};
		for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
		const started = performance.now();
		const result = spawnSync(command, args, {
			stdio: ['ignore', devNull, 'pipe'],
			env,
			cwd: options.cwd,
			timeout: options.timeoutMs ?? 120_000,
			maxBuffer: 64 * 1024 * 1024,
		});
		const elapsed = performance.now() - started;
		if (result.error) throw result.error;
		if (result.signal) throw new Error(`killed by ${result.signal}${result.signal === 'SIGTERM' ? ' (timeout)' : ''}`);
		if (result.status !== 0) throw new Error(`exit ${result.status}: ${String(result.stderr ?? '').trim() || 'no message'}`);
		return elapsed;
	} finally {
		fs.closeSync(devNull);
	}
}

/** Runs a command and returns its stdout (for set-up, not timed). */
export function captureCommand(command: string, args: readonly string[], options: CommandOptions = {}): string {
	const result = spawnSync(command, args, {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {...process.env, ...options.env} as NodeJS.ProcessEnv,
		cwd: options.cwd,
		timeout: options.timeoutMs ?? 120_000,
		maxBuffer: 512 * 1024 * 1024,
		encoding: 'utf8',
	});
	if (result.error) throw result.error;
	if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr.trim() || 'no message'}`);
	return result.stdout;
}

/** A program in a pseudo-terminal plus the moment it was started. */
export type Session = {readonly term: TerminalSession; readonly startedAt: number};

/** Starts a program in a real pseudo-terminal (xterm-256color). */
export function launch(command: string, args: string[], options: {cols: number; rows: number; env: Record<string, string | undefined>; cwd?: string}): Session {
	const startedAt = performance.now();
	const term = startTerminal({command, args, cols: options.cols, rows: options.rows, env: options.env, cwd: options.cwd});
	return {term, startedAt};
}

/** The first few non-empty lines of a screen, squeezed onto one line (for error messages). */
export function screenSummary(screen: string): string {
	const lines = screen
		.split('\n')
		.map(line => line.trim())
		.filter(Boolean);
	return lines.length === 0 ? '(blank screen)' : lines.slice(0, 3).join(' | ').slice(0, 120);
}

/**
 * Polls (every ~1 ms) until the screen satisfies `test`; resolves with the screen and the
 * moment it was seen. Rejects on timeout or if the program exits first.
 */
export async function waitScreen(term: TerminalSession, test: (screen: string) => boolean, timeoutMs: number, what: string): Promise<{screen: string; at: number}> {
	const started = performance.now();
	let seen = -1;
	for (;;) {
		const length = term.raw().length;
		if (length !== seen) {
			seen = length;
			await term.flush();
			const screen = term.screen();
			if (test(screen)) return {screen, at: performance.now()};
		}
		const exit = term.exited();
		if (exit) {
			await term.flush();
			const screen = term.screen();
			if (test(screen)) return {screen, at: performance.now()};
			throw new Error(`exited (code ${exit.exitCode}) before ${what}: ${screenSummary(screen)}`);
		}
		if (performance.now() - started > timeoutMs) throw new Error(`no ${what} after ${Math.round(timeoutMs)} ms: ${screenSummary(term.screen())}`);
		await sleep(1);
	}
}

/** Waits until no output arrived for `quietMs` (or `maxMs` passed). */
export async function quiesce(term: TerminalSession, quietMs: number, maxMs = 2000): Promise<void> {
	const started = performance.now();
	let length = term.raw().length;
	let since = performance.now();
	while (performance.now() - started < maxMs && !term.exited()) {
		await sleep(1);
		const now = term.raw().length;
		if (now !== length) {
			length = now;
			since = performance.now();
		} else if (performance.now() - since >= quietMs) break;
	}
	await term.flush();
}

/**
 * Sends `key` and returns the ms until the screen text differs from before (or satisfies
 * `until`, when given). Waits for quiet output first so earlier frames do not count.
 */
export async function pressAndTime(term: TerminalSession, key: string, options: {timeoutMs?: number; until?: (screen: string) => boolean; what?: string; quietMs?: number} = {}): Promise<number> {
	await quiesce(term, options.quietMs ?? 15);
	const before = term.screen();
	const started = performance.now();
	term.write(key);
	const {at} = await waitScreen(term, options.until ?? (screen => screen !== before), options.timeoutMs ?? 2000, options.what ?? `screen change after ${JSON.stringify(key)}`);
	return at - started;
}

/** Quits a session with `keys` (tried in turn) and waits for exit; kills it if it will not go. */
export async function quit(term: TerminalSession, keys: readonly string[] = ['q'], timeoutMs = 5000): Promise<void> {
	for (const key of keys) {
		if (term.exited()) return;
		try {
			term.write(key);
		} catch {
			return;
		}
		const deadline = performance.now() + timeoutMs / keys.length;
		while (!term.exited() && performance.now() < deadline) await sleep(5);
	}
	if (!term.exited()) {
		term.kill('SIGKILL');
		await term.waitForExit(2000).catch(() => undefined);
	}
}
