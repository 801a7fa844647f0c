/**
 * Terminal harness for end-to-end tests: runs a real program inside a
 * pseudo-terminal (`@lydell/node-pty`) and feeds everything it prints into a
 * headless xterm (`@xterm/headless`), so tests can assert on the screen a
 * person would actually see.
 *
 * Typical use:
 *
 * ```ts
 * import {after, test} from 'node:test';
 * import {closeAll, keys, ptyAvailable, ptyError, startTerminal} from './helpers/terminal.ts';
 *
 * after(closeAll);
 * test('lists posts', {skip: ptyAvailable ? false : `no pty: ${String(ptyError)}`}, async () => {
 * 	const term = startTerminal({command: process.execPath, args: ['dist/cli.js', 'content']});
 * 	await term.waitFor('Folio');
 * 	term.write(keys.down);
 * 	await term.waitFor(/> Second post/);
 * 	term.write('q');
 * 	await term.waitForExit();
 * });
 * ```
 */
import {createRequire} from 'node:module';
import type * as XtermModule from '@xterm/headless';
import type {Terminal as XTerminal} from '@xterm/headless';
import type * as PtyModule from '@lydell/node-pty';

// Both packages are CommonJS; `require` gives the same shape whether this file runs as ESM or CJS.
const requireCjs = createRequire(import.meta.url);
const {Terminal} = requireCjs('@xterm/headless') as typeof XtermModule;

/** Options for {@link startTerminal}. */
export type TerminalOptions = {
	/** Program to run (looked up on PATH by the pty). */
	command: string;
	/** Arguments passed to the program. */
	args: string[];
	/** Terminal width in columns (default 80). */
	cols?: number;
	/** Terminal height in rows (default 24). */
	rows?: number;
	/** Extra environment, merged over the sanitised `process.env`; `undefined` deletes a key. */
	env?: Record<string, string | undefined>;
	/** Working directory (default `process.cwd()`). */
	cwd?: string;
};

/** Terminal modes a program switched on, as seen by the emulated terminal. */
export type TerminalState = {
	/** The program switched to the alternate screen buffer (`\x1b[?1049h` and friends). */
	alternateScreen: boolean;
	/** The cursor is hidden (`\x1b[?25l`). */
	cursorHidden: boolean;
	/** Bracketed paste mode is on (`\x1b[?2004h`). */
	bracketedPaste: boolean;
	/** Application cursor keys (DECCKM, `\x1b[?1h`) are on. */
	applicationCursorKeys: boolean;
	/** Any mouse tracking mode is on. */
	mouseTracking: boolean;
};

/** The result of a program exiting. */
export type TerminalExit = {exitCode: number; signal?: number};

/** A running (or finished) program in a pseudo-terminal. */
export type TerminalSession = {
	/** Send raw input, e.g. `'j'`, `'\r'`, `keys.down`, `keys.ctrlC`. */
	write(data: string): void;
	/**
	 * The visible screen: one line per row joined by `'\n'`, trailing spaces trimmed per line.
	 * Reflects the output parsed so far; output arrives and is parsed asynchronously, so await
	 * {@link TerminalSession.waitFor} (or {@link TerminalSession.flush}) before asserting.
	 */
	screen(): string;
	/** Every byte the program wrote so far, as one string (escape sequences included). */
	raw(): string;
	/** Resolves once every byte received so far has been parsed by the emulated terminal. */
	flush(): Promise<void>;
	/**
	 * Poll the screen (every 20 ms, after flushing) until it contains the string, matches the
	 * RegExp, or the predicate returns true; resolves with that screen. Rejects with an error that
	 * includes the current screen on timeout (default 5000 ms) or if the program exits first.
	 */
	waitFor(match: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
	/** Resolves when the program exits (output fully parsed); rejects with the screen on timeout (default 5000 ms). */
	waitForExit(timeoutMs?: number): Promise<TerminalExit>;
	/** Resize both the pty (the program gets SIGWINCH) and the emulated terminal. */
	resize(cols: number, rows: number): void;
	/** Send a signal to the program (default SIGHUP); no-op once it has exited. */
	kill(signal?: string): void;
	/** Terminal modes currently set by the program, as of the output parsed so far. */
	state(): TerminalState;
	/** Exit information once the program has exited, otherwise undefined. */
	exited(): TerminalExit | undefined;
};

type PtyApi = typeof PtyModule;

let loadedPty: PtyApi | undefined;
let loadError: unknown;
try {
	// Loaded with require so a missing/broken native binary doesn't fail the import of this module.
	loadedPty = requireCjs('@lydell/node-pty') as PtyApi;
} catch (error) {
	loadError = error;
}

/** Whether the native pty module loaded; e2e tests should skip when false. */
export const ptyAvailable: boolean = loadedPty !== undefined;
/** Why the native pty module failed to load (undefined when it loaded). */
export const ptyError: unknown = loadError;

/** Escape sequences xterm sends for common keys (normal, not application, cursor-key mode). */
export const keys = {
	up: '\x1b[A',
	down: '\x1b[B',
	right: '\x1b[C',
	left: '\x1b[D',
	pageUp: '\x1b[5~',
	pageDown: '\x1b[6~',
	home: '\x1b[H',
	end: '\x1b[F',
	enter: '\r',
	escape: '\x1b',
	tab: '\t',
	shiftTab: '\x1b[Z',
	ctrlC: '\x03',
	backspace: '\x7f',
} as const;

const POLL_MS = 20;
const DEFAULT_TIMEOUT_MS = 5000;

const liveSessions = new Set<TerminalSession>();

/**
 * Build the child environment: `process.env` minus CI markers (ink renders nothing interactive
 * when it thinks it runs in CI), TERM=xterm-256color, then `overrides` (undefined deletes).
 */
function buildEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
	const merged: Record<string, string | undefined> = {...process.env};
	for (const key of Object.keys(merged)) {
		if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) {
			delete merged[key];
		}
	}
	merged.TERM = 'xterm-256color';
	Object.assign(merged, overrides);
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(merged)) {
		// node-pty would pass undefined through as the literal string "undefined".
		if (value !== undefined) {
			env[key] = value;
		}
	}
	return env;
}

function readScreen(terminal: XTerminal): string {
	const buffer = terminal.buffer.active;
	const lines: string[] = [];
	for (let row = 0; row < terminal.rows; row++) {
		const line = buffer.getLine(buffer.baseY + row);
		lines.push(line ? line.translateToString(true) : '');
	}
	return lines.join('\n');
}

function describeMatch(match: string | RegExp | ((screen: string) => boolean)): string {
	if (typeof match === 'string') {
		return JSON.stringify(match);
	}
	if (match instanceof RegExp) {
		return String(match);
	}
	return 'predicate';
}

function frame(screen: string, cols: number): string {
	const rule = '-'.repeat(Math.min(cols, 120));
	return `${rule}\n${screen}\n${rule}`;
}

/** Start `command` in a new pseudo-terminal (xterm-256color, default 80x24). */
export function startTerminal(options: TerminalOptions): TerminalSession {
	if (!loadedPty) {
		throw new Error(`@lydell/node-pty is not available: ${String(ptyError)}`);
	}
	const cols = options.cols ?? 80;
	const rows = options.rows ?? 24;
	const terminal = new Terminal({cols, rows, allowProposedApi: true, scrollback: 1000});

	// xterm headless doesn't expose cursor visibility, so watch DECTCEM in the parser itself; that
	// keeps it in step with the parsed screen and also catches combined forms like `\x1b[?25;1049l`.
	let cursorHidden = false;
	const hasCursorParam = (params: (number | number[])[]): boolean => params.includes(25);
	terminal.parser.registerCsiHandler({prefix: '?', final: 'l'}, (params) => {
		if (hasCursorParam(params)) {
			cursorHidden = true;
		}
		return false; // let xterm handle the mode as usual
	});
	terminal.parser.registerCsiHandler({prefix: '?', final: 'h'}, (params) => {
		if (hasCursorParam(params)) {
			cursorHidden = false;
		}
		return false;
	});
	// Full reset (RIS) and soft reset (DECSTR) show the cursor again.
	terminal.parser.registerEscHandler({final: 'c'}, () => {
		cursorHidden = false;
		return false;
	});
	terminal.parser.registerCsiHandler({intermediates: '!', final: 'p'}, () => {
		cursorHidden = false;
		return false;
	});

	const pty = loadedPty.spawn(options.command, options.args, {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: options.cwd ?? process.cwd(),
		env: buildEnv(options.env),
	});

	let rawOutput = '';
	let pendingWrites = 0;
	let flushWaiters: Array<() => void> = [];
	let exitInfo: TerminalExit | undefined;
	const exitWaiters: Array<(exit: TerminalExit) => void> = [];

	const settleFlush = (): void => {
		if (pendingWrites === 0 && flushWaiters.length > 0) {
			const waiters = flushWaiters;
			flushWaiters = [];
			for (const resolve of waiters) {
				resolve();
			}
		}
	};

	pty.onData((data) => {
		rawOutput += data;
		pendingWrites++;
		terminal.write(data, () => {
			pendingWrites--;
			settleFlush();
		});
	});

	const flush = (): Promise<void> =>
		new Promise((resolve) => {
			flushWaiters.push(resolve);
			settleFlush();
		});

	const session: TerminalSession = {
		write(data) {
			if (exitInfo) {
				throw new Error(`Cannot write ${JSON.stringify(data)}: the program already exited (code ${exitInfo.exitCode})`);
			}
			pty.write(data);
		},
		screen: () => readScreen(terminal),
		raw: () => rawOutput,
		flush,
		waitFor(match, timeoutMs = DEFAULT_TIMEOUT_MS) {
			const test = (screen: string): boolean => {
				if (typeof match === 'string') {
					return screen.includes(match);
				}
				if (match instanceof RegExp) {
					match.lastIndex = 0;
					return match.test(screen);
				}
				return match(screen);
			};
			const started = Date.now();
			return new Promise((resolve, reject) => {
				const check = async (): Promise<void> => {
					try {
						await flush();
						const screen = readScreen(terminal);
						if (test(screen)) {
							resolve(screen);
							return;
						}
						if (exitInfo) {
							reject(new Error(`Program exited (code ${exitInfo.exitCode}) before the screen matched ${describeMatch(match)}. Screen:\n${frame(screen, terminal.cols)}`));
							return;
						}
						if (Date.now() - started >= timeoutMs) {
							reject(new Error(`Timed out after ${timeoutMs} ms waiting for the screen to match ${describeMatch(match)}. Screen:\n${frame(screen, terminal.cols)}`));
							return;
						}
						setTimeout(() => void check(), POLL_MS);
					} catch (error) {
						reject(error);
					}
				};
				void check();
			});
		},
		waitForExit(timeoutMs = DEFAULT_TIMEOUT_MS) {
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => {
					reject(new Error(`Timed out after ${timeoutMs} ms waiting for the program to exit. Screen:\n${frame(readScreen(terminal), terminal.cols)}`));
				}, timeoutMs);
				const done = (exit: TerminalExit): void => {
					void flush().then(() => {
						clearTimeout(timer);
						resolve(exit);
					});
				};
				if (exitInfo) {
					done(exitInfo);
				} else {
					exitWaiters.push(done);
				}
			});
		},
		resize(newCols, newRows) {
			terminal.resize(newCols, newRows);
			if (!exitInfo) {
				pty.resize(newCols, newRows);
			}
		},
		kill(signal) {
			if (exitInfo) {
				return;
			}
			try {
				pty.kill(signal);
			} catch {
				// The process is already gone (ESRCH); the exit event will follow.
			}
		},
		state() {
			const modes = terminal.modes;
			return {
				alternateScreen: terminal.buffer.active.type === 'alternate',
				cursorHidden,
				bracketedPaste: modes.bracketedPasteMode,
				applicationCursorKeys: modes.applicationCursorKeysMode,
				mouseTracking: modes.mouseTrackingMode !== 'none',
			};
		},
		exited: () => exitInfo,
	};

	pty.onExit(({exitCode, signal}) => {
		exitInfo = signal ? {exitCode, signal} : {exitCode};
		liveSessions.delete(session);
		for (const waiter of exitWaiters.splice(0)) {
			waiter(exitInfo);
		}
	});

	liveSessions.add(session);
	return session;
}

/**
 * Kill every session that is still running (SIGKILL) and wait briefly for them to exit.
 * Register it with `after(closeAll)` so a test that forgets to quit its program can't hang the runner.
 */
export async function closeAll(): Promise<void> {
	const sessions = [...liveSessions];
	liveSessions.clear();
	await Promise.all(
		sessions.map(async (session) => {
			session.kill('SIGKILL');
			await session.waitForExit(2000).catch(() => undefined);
		}),
	);
}
