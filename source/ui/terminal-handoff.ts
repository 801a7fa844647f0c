/**
 * Handing the terminal over: to a program that runs in the foreground (a text browser, a pager,
 * an editor) or to the shell when folio is suspended (Ctrl+Z). folio's screen is put away first
 * (main screen, raw mode off, cursor shown) and comes back whole afterwards.
 *
 * A program is run synchronously: while it runs, folio's event loop does not turn, so folio
 * reads no key, writes no frame and handles no signal until it ends. The program alone reads
 * the terminal, and a frame or a file event that comes meanwhile waits for the screen to return.
 */
import {spawnSync, type SpawnSyncReturns} from 'node:child_process';

/** Escape sequences for the alternate screen and the cursor. */
export const terminalModes = {
	enterAlternateScreen: '\u001B[?1049h',
	leaveAlternateScreen: '\u001B[?1049l',
	hideCursor: '\u001B[?25l',
	showCursor: '\u001B[?25h',
	/** Cursor to the top left corner, and the screen erased. */
	homeAndClear: '\u001B[H\u001B[2J',
} as const;

/** How a program run in the foreground ended. */
export type ForegroundResult =
	| {readonly kind: 'exited'; readonly code: number}
	| {readonly kind: 'killed'; readonly signal: string}
	| {readonly kind: 'failed'; readonly reason: string};

/** What the terminal hand-off works with; tests and the runner pass their own. */
export type TerminalParts = {
	readonly stdin: {readonly isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};
	readonly stdout: {write: (data: string) => unknown};
	/** Paints the whole current frame again on a cleared screen. */
	readonly redraw: () => void;
	/** Stops the process as a shell job; returns once it is continued (default: SIGTSTP to its process group). */
	readonly stop?: () => void;
	/** Runs a program to its end (default: child_process.spawnSync). */
	readonly spawn?: typeof spawnSync;
};

/** The terminal of a running reader, for moments when something else needs it. */
export type TerminalControl = {
	/**
	 * Runs `command` with `args` (no shell; each argument exactly as given) in the foreground with
	 * the terminal, folio's screen put away until it ends. With `input`, the program's standard
	 * input is that text instead of the terminal (a pager still reads keys from the terminal).
	 */
	runInForeground(command: string, args: readonly string[], options?: {readonly input?: string}): ForegroundResult;
	/** Suspends folio as a shell job (Ctrl+Z) with the terminal restored; returns, screen back, when continued. */
	suspend(): void;
	/** Puts the screen back after folio was stopped and continued from outside (SIGCONT). */
	continued(): void;
	/**
	 * Whether an interrupt signal arriving now was typed while a program had the terminal: that
	 * Ctrl+C was meant for the program (it went to folio's whole process group), not for folio.
	 */
	interruptWasForProgram(): boolean;
};

/** Creates the hand-off for a terminal that folio is showing its screen on (alternate screen, raw mode). */
export function createTerminalControl(parts: TerminalParts): TerminalControl {
	const {stdin, stdout, redraw} = parts;
	const spawn = parts.spawn ?? spawnSync;
	const stop = parts.stop ?? (() => process.kill(0, 'SIGTSTP'));
	let programHadTerminal = false;

	const leave = () => {
		if (stdin.isTTY) stdin.setRawMode?.(false);
		stdout.write(terminalModes.leaveAlternateScreen + terminalModes.showCursor);
	};

	const enter = () => {
		stdout.write(terminalModes.enterAlternateScreen + terminalModes.hideCursor + terminalModes.homeAndClear);
		if (stdin.isTTY) stdin.setRawMode?.(true);
		redraw();
	};

	/** Signals that came while the program ran are handled in the loop's next turn; after that, they are folio's again. */
	const forgetProgramLater = () => {
		programHadTerminal = true;
		setImmediate(() =>
			setImmediate(() => {
				programHadTerminal = false;
			}),
		);
	};

	return {
		runInForeground(command, args, options = {}) {
			leave();
			let result: SpawnSyncReturns<Buffer>;
			try {
				result = spawn(command, [...args], {
					stdio: options.input === undefined ? 'inherit' : ['pipe', 'inherit', 'inherit'],
					input: options.input,
					shell: false,
				});
			} finally {
				forgetProgramLater();
				enter();
			}

			return describeEnd(result);
		},
		suspend() {
			leave();
			try {
				stop();
			} finally {
				enter();
			}
		},
		continued() {
			enter();
		},
		interruptWasForProgram: () => programHadTerminal,
	};
}

/** How a finished program ended; a pager that quit before reading all its input still exited. */
function describeEnd(result: SpawnSyncReturns<Buffer>): ForegroundResult {
	const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
	if (result.error !== undefined && !(code === 'EPIPE' && (result.status !== null || result.signal !== null))) {
		return {kind: 'failed', reason: code ?? result.error.message.split('\n')[0] ?? 'unknown error'};
	}

	if (result.signal !== null) return {kind: 'killed', signal: result.signal};
	return {kind: 'exited', code: result.status ?? 0};
}

/** A one-line status message for a program that did not end well (undefined when it exited with 0). */
export function describeFailure(name: string, result: ForegroundResult): string | undefined {
	switch (result.kind) {
		case 'exited':
			return result.code === 0 ? undefined : `${name} exited with code ${result.code}`;
		case 'killed':
			return `${name} was ended by ${result.signal}`;
		case 'failed':
			return `Could not start ${name}: ${result.reason}`;
	}
}
