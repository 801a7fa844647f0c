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
 * 	// Several conditions: met together, on one whole frame.
 * 	const screen = await term.waitFor([/> Second post/, /q quit/]);
 * 	term.write('q');
 * 	await term.waitForExit();
 * });
 * ```
 *
 * What a wait sees is a whole frame: a screen is tested only once every byte received so far is
 * parsed and no synchronized update (`ESC [ ? 2026 h` … `l`, which ink writes around each frame)
 * is open, so a wait never ends on the first rows of a frame whose last rows are still coming.
 * Waits are woken by the output itself (and by resizes and the exit), not by a timer.
 */
import fs from 'node:fs';
import {createRequire} from 'node:module';
import type {Socket} from 'node:net';
import type {StringDecoder} from 'node:string_decoder';
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
	/** A synchronized update (`\x1b[?2026h`) is open: the program is in the middle of a frame. */
	synchronizedOutput: boolean;
};

/** A condition on the screen: a string it contains, a RegExp it matches, or a predicate. */
export type ScreenMatch = string | RegExp | ((screen: string) => boolean);

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
	 * Resolves with the first whole frame (see the module's doc) on which the condition holds, or
	 * every one of the conditions given as an array, all on the same screen. Rejects with an
	 * error that names the conditions not met and shows the screen, on timeout (default 5000 ms)
	 * or when the program exits first.
	 */
	waitFor(match: ScreenMatch | readonly ScreenMatch[], timeoutMs?: number): Promise<string>;
	/** Resolves with the screen once it shows a whole frame: everything received parsed, no synchronized update open. */
	frame(timeoutMs?: number): Promise<string>;
	/**
	 * Resolves when the program has exited and the last of its output is read and parsed: the
	 * output ends when no process holds the terminal any more (as a terminal window sees it),
	 * which can be after the program's own exit. Rejects with the screen on timeout (default 5000 ms).
	 */
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

const DEFAULT_TIMEOUT_MS = 5000;
/**
 * How long, after the program exits, output from processes still holding the terminal is read
 * before the terminal is closed (node-pty alone closes it 200 ms after the exit, read or not).
 */
const OUTPUT_AFTER_EXIT_MS = 3000;

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

function describeMatch(match: ScreenMatch): string {
	if (typeof match === 'string') {
		return JSON.stringify(match);
	}
	if (match instanceof RegExp) {
		return String(match);
	}
	return match.name ? `predicate ${match.name}` : 'predicate';
}

function testMatch(match: ScreenMatch, screen: string): boolean {
	if (typeof match === 'string') {
		return screen.includes(match);
	}
	if (match instanceof RegExp) {
		match.lastIndex = 0;
		return match.test(screen);
	}
	return match(screen);
}

/** The private parts of node-pty's UnixTerminal that reading the last output needs. */
type PtyInternals = {
	readonly _socket?: Socket & {readonly _readableState?: {readonly decoder?: StringDecoder | null}};
	readonly _fd?: number;
};

/**
 * Makes the pty's output run to its real end. node-pty, once the program exits, closes its side
 * of the terminal after 200 ms whether or not everything was read: on a busy machine the test's
 * event loop can be late by more than that, and the program's last frame or message is lost.
 * Here that close waits until the output ends by itself (EIO: no process holds the terminal any
 * more), up to `closeAfterMs`, and whatever is still unread when it does close is read first,
 * synchronously, and handed to `receive` in order. (Exported for the harness's own tests.)
 */
export function readToTheEnd(pty: unknown, receive: (data: string) => void, closeAfterMs = OUTPUT_AFTER_EXIT_MS): void {
	const {_socket: socket, _fd: fd} = pty as PtyInternals;
	if (!socket || typeof fd !== 'number' || typeof socket.destroy !== 'function') {
		throw new Error('@lydell/node-pty changed: the terminal harness cannot read its last output');
	}
	const destroyNow = socket.destroy.bind(socket);
	/** Bytes read by the last drain. */
	let drained = 0;
	/** Reads what is unread; true when the output has ended (EIO: no writer holds the terminal). */
	const drain = (): boolean => {
		const buffer = Buffer.alloc(64 * 1024);
		drained = 0;
		for (;;) {
			let read: number;
			try {
				read = fs.readSync(fd, buffer, 0, buffer.length, null);
			} catch (error) {
				// EAGAIN: nothing more for now; EIO: every writer closed the terminal.
				return (error as NodeJS.ErrnoException).code !== 'EAGAIN';
			}
			if (read === 0) {
				return true;
			}
			drained += read;
			const bytes = buffer.subarray(0, read);
			// Through the socket's own decoder, which may hold the first bytes of a character.
			const decoder = socket._readableState?.decoder;
			receive(decoder ? decoder.write(bytes) : bytes.toString('utf8'));
		}
	};
	/**
	 * Hands on what the socket has read but not yet given out (a paused stream keeps it, and
	 * destroying the socket would drop it): `read()` emits it as 'data', in order, before any
	 * byte `drain` reads from the terminal after it.
	 */
	const takeBuffered = (): void => {
		while (socket.readableLength > 0 && socket.read() !== null) {
			// Each chunk went out as 'data'.
		}
	};
	let lateBytes: NodeJS.Timeout | undefined;
	let closing: NodeJS.Timeout | undefined;
	socket.destroy = ((error?: Error, ...rest: unknown[]) => {
		if (socket.destroyed) {
			return (destroyNow as (...args: unknown[]) => Socket)(error, ...rest);
		}
		// An error (EIO at the end of the output), or an end of the stream, closes it once two reads
		// 50 ms apart find nothing more: a busy kernel can hand a closed terminal's last bytes over
		// after its first EIO, and the stream can even end (a read of 0 bytes) before they came.
		if (error !== undefined || socket.readableEnded) {
			if (lateBytes === undefined) {
				socket.pause();
				let quiet = 0;
				const readLate = (): void => {
					takeBuffered();
					drain();
					quiet = drained > 0 ? 0 : quiet + 1;
					if (quiet >= 2) {
						(destroyNow as (...args: unknown[]) => Socket)(error, ...rest);
					} else {
						lateBytes = setTimeout(readLate, 50);
					}
				};
				lateBytes = setTimeout(readLate, 50);
			}
			return socket;
		}
		// Output may still be on its way when the wait runs out (on a busy machine the kernel hands a
		// closed terminal's last bytes over late): the close then reads again a quarter second at a
		// time, and closes once the output has ended, or two seconds later at most.
		const started = Date.now();
		const closeWhenDone = (): void => {
			takeBuffered();
			const ended = drain();
			if (ended || Date.now() - started > closeAfterMs + 2000) {
				destroyNow();
			} else {
				closing = setTimeout(closeWhenDone, 250);
			}
		};
		closing ??= setTimeout(closeWhenDone, closeAfterMs);
		return socket;
	}) as Socket['destroy'];
	socket.once('close', () => {
		clearTimeout(closing);
		clearTimeout(lateBytes);
	});
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

	// xterm headless exposes neither cursor visibility nor synchronized output, so both are watched
	// in the parser itself; that keeps them in step with the parsed screen and also catches
	// combined forms like `\x1b[?25;1049l`.
	let cursorHidden = false;
	let synchronizedOutput = false;
	const setPrivateModes = (params: (number | number[])[], on: boolean): void => {
		if (params.includes(25)) {
			cursorHidden = !on;
		}
		if (params.includes(2026)) {
			synchronizedOutput = on;
		}
	};
	terminal.parser.registerCsiHandler({prefix: '?', final: 'l'}, (params) => {
		setPrivateModes(params, false);
		return false; // let xterm handle the mode as usual
	});
	terminal.parser.registerCsiHandler({prefix: '?', final: 'h'}, (params) => {
		setPrivateModes(params, true);
		return false;
	});
	// Full reset (RIS) and soft reset (DECSTR) show the cursor again and end an update.
	const reset = (): boolean => {
		cursorHidden = false;
		synchronizedOutput = false;
		return false;
	};
	terminal.parser.registerEscHandler({final: 'c'}, reset);
	terminal.parser.registerCsiHandler({intermediates: '!', final: 'p'}, reset);

	const pty = loadedPty.spawn(options.command, options.args, {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: options.cwd ?? process.cwd(),
		env: buildEnv(options.env),
	});

	let rawOutput = '';
	let pendingWrites = 0;
	const flushWaiters: Array<() => void> = [];
	let exitInfo: TerminalExit | undefined;
	const exitWaiters: Array<(exit: TerminalExit) => void> = [];
	/** Waits for the screen, tested whenever it may have changed. */
	const screenWaiters = new Set<(screen: string | undefined) => void>();

	/** The screen, when it is a whole frame (everything parsed, no update open); else undefined. */
	const wholeFrame = (): string | undefined =>
		pendingWrites === 0 && (!synchronizedOutput || exitInfo) ? readScreen(terminal) : undefined;

	const settle = (): void => {
		if (pendingWrites > 0) {
			return;
		}
		for (const resolve of flushWaiters.splice(0)) {
			resolve();
		}
		if (screenWaiters.size > 0) {
			const screen = wholeFrame();
			for (const waiter of [...screenWaiters]) {
				waiter(screen);
			}
		}
	};

	const receive = (data: string): void => {
		rawOutput += data;
		pendingWrites++;
		terminal.write(data, () => {
			pendingWrites--;
			settle();
		});
	};
	pty.onData(receive);
	readToTheEnd(pty, receive);

	const flush = (): Promise<void> =>
		new Promise((resolve) => {
			flushWaiters.push(resolve);
			settle();
		});

	const waitForScreen = (matches: readonly ScreenMatch[], timeoutMs: number): Promise<string> =>
		new Promise((resolve, reject) => {
			const failing = (screen: string) => matches.filter((match) => !testMatch(match, screen));
			const describe = (screen: string): string => {
				const unmet = failing(screen);
				const what = matches.length === 0 ? 'a whole frame' : unmet.map(describeMatch).join(' and ') || matches.map(describeMatch).join(' and ');
				const midFrame = synchronizedOutput && !exitInfo ? ' (the program is in the middle of a synchronized update)' : '';
				return `the screen to match ${what}${midFrame}. Screen:\n${frame(screen, terminal.cols)}`;
			};
			const done = (): void => {
				clearTimeout(timer);
				screenWaiters.delete(waiter);
			};
			const waiter = (screen: string | undefined): void => {
				if (screen !== undefined && failing(screen).length === 0) {
					done();
					resolve(screen);
				} else if (screen !== undefined && exitInfo) {
					done();
					reject(new Error(`Program exited (code ${exitInfo.exitCode}) before ${describe(screen)}`));
				}
			};
			const timer = setTimeout(() => {
				done();
				reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe(readScreen(terminal))}`));
			}, timeoutMs);
			screenWaiters.add(waiter);
			settle();
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
			const matches: readonly ScreenMatch[] = Array.isArray(match) ? match : [match as ScreenMatch];
			if (matches.length === 0) {
				throw new Error('waitFor needs at least one condition (frame() waits for any whole frame)');
			}
			return waitForScreen(matches, timeoutMs);
		},
		frame: (timeoutMs = DEFAULT_TIMEOUT_MS) => waitForScreen([], timeoutMs),
		waitForExit(timeoutMs = DEFAULT_TIMEOUT_MS) {
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => {
					reject(new Error(`Timed out after ${timeoutMs} ms waiting for the program to exit and its output to end. Screen:\n${frame(readScreen(terminal), terminal.cols)}`));
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
			settle();
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
				synchronizedOutput,
			};
		},
		exited: () => exitInfo,
	};

	// node-pty reports the exit once the output has ended (see readToTheEnd), so every byte has
	// been received by now; waits still pending see the last screen, then fail if it does not match.
	pty.onExit(({exitCode, signal}) => {
		exitInfo = signal ? {exitCode, signal} : {exitCode};
		liveSessions.delete(session);
		for (const waiter of exitWaiters.splice(0)) {
			waiter(exitInfo);
		}
		settle();
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
