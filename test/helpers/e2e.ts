/**
 * Shared pieces of the end-to-end tests: run the built CLI in a pseudo-terminal, read the list
 * and status rows off the screen, and check what folio left in the terminal.
 */
import assert from 'node:assert/strict';
import {execFile, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after} from 'node:test';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {folioCommand, pathWithThisNode} from './folio-command.js';
import {ptyAvailable, ptyError, startTerminal, type TerminalSession} from './terminal.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The built bundle (`npm run build` makes it). */
export const cli = path.join(root, 'dist', 'cli.js');
export {folioCommand, pathWithThisNode} from './folio-command.js';
/** Static posts for the end-to-end tests. */
export const fixtures = path.join(root, 'test', 'fixtures', 'e2e');

// folio remembers read posts (and where the list was) and caches its index; the tests keep both
// out of the user's folders, and give every run a fresh start so no test depends on another.
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-home-'));
after(() => fs.rmSync(home, {recursive: true, force: true}));

/** Environment that keeps folio's read state and index cache out of the user's folders. */
export const isolated = {
	FOLIO_STATE_DIR: path.join(home, 'state'),
	FOLIO_CACHE_DIR: path.join(home, 'cache'),
	XDG_STATE_HOME: path.join(home, 'xdg-state'),
	XDG_CACHE_HOME: path.join(home, 'xdg-cache'),
};

let runs = 0;

/** Like {@link isolated}, with new, empty folders for one run of folio. */
export function isolatedRun(): Record<string, string> {
	runs++;
	return Object.fromEntries(Object.entries(isolated).map(([name, folder]) => [name, path.join(folder, String(runs))]));
}

/** Why the end-to-end tests cannot run here, or false when they can. */
export const skip: string | false = !ptyAvailable
	? `pseudo-terminal unavailable: ${String(ptyError)}`
	: fs.existsSync(cli)
		? false
		: `${cli} is missing: run npm run build first`;

/** Options for {@link startFolio}. */
export type FolioOptions = {
	readonly cols?: number;
	readonly rows?: number;
	/** TERM for folio (the pty sets TERM=xterm-256color itself, so this goes through env(1)). */
	readonly term?: string;
	readonly env?: Record<string, string | undefined>;
};

/**
 * Runs `bin/folio ...args` in a pseudo-terminal (100x30 unless told), in UTC so the dates
 * on screen do not depend on the machine, with $BROWSER unset unless given, read state and cache
 * in a temporary folder, and no hint of a terminal that takes clickable links.
 */
export function startFolio(args: readonly string[], options: FolioOptions = {}): TerminalSession {
	const id = `${process.pid}-${++runs}`;
	const command = [folioCommand, ...args];
	const term = startTerminal({
		command: options.term === undefined ? command[0]! : '/usr/bin/env',
		args: options.term === undefined ? command.slice(1) : [`TERM=${options.term}`, ...command],
		cols: options.cols ?? 100,
		rows: options.rows ?? 30,
		cwd: root,
		env: {
			TZ: 'UTC',
			PATH: pathWithThisNode,
			...isolatedRun(),
			BROWSER: undefined,
			NO_COLOR: undefined,
			FORCE_COLOR: undefined,
			// Terminals that folio would write clickable links for.
			TERM_PROGRAM: undefined,
			VTE_VERSION: undefined,
			WT_SESSION: undefined,
			KITTY_WINDOW_ID: undefined,
			KONSOLE_VERSION: undefined,
			FORCE_HYPERLINK: undefined,
			FOLIO_E2E_RUN: id,
			...options.env,
		},
	});
	runIds.set(term, id);
	return term;
}

const runIds = new WeakMap<TerminalSession, string>();

/** The process id of the folio a session runs, found by the FOLIO_E2E_RUN mark in its environment. */
export function folioPid(term: TerminalSession): number | undefined {
	const mark = `FOLIO_E2E_RUN=${runIds.get(term)}\0`;
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (fs.readFileSync(`/proc/${entry}/environ`, 'latin1').includes(mark)) return Number(entry);
		} catch {
			// The process ended or is not ours.
		}
	}
	return undefined;
}

/** The settings of the terminal folio runs in, as `stty -a` prints them (Linux only). */
export function terminalMode(term: TerminalSession): string {
	const pid = folioPid(term);
	if (pid === undefined) throw new Error('folio is not running');
	return execFileSync('stty', ['-F', fs.readlinkSync(`/proc/${pid}/fd/0`), '-a'], {encoding: 'utf8'});
}

/** Whether /proc and stty can tell a process's terminal mode here (Linux). */
export const canSeeTerminalMode = fs.existsSync('/proc/self/fd/0');

/**
 * Resolves once folio (a session from startFolio, or a process id) has put its terminal in raw
 * mode, so a key is read as a key: before that, the terminal driver itself turns Ctrl+C into
 * SIGINT and echoes what is typed. Does nothing where the mode cannot be seen.
 */
export async function waitForRawMode(folio: TerminalSession | number, timeoutMs = 5000): Promise<void> {
	if (!canSeeTerminalMode) return;
	const started = Date.now();
	for (;;) {
		const pid = typeof folio === 'number' ? folio : folioPid(folio);
		try {
			if (pid !== undefined) {
				const tty = fs.readlinkSync(`/proc/${pid}/fd/0`);
				if (/(?:^|\s)-icanon(?:\s|$)/m.test(execFileSync('stty', ['-F', tty, '-a'], {encoding: 'utf8'}))) return;
			}
		} catch {
			// Not started yet, or stty could not read the terminal: try again.
		}
		if (Date.now() - started > timeoutMs) assert.fail(`folio did not switch its terminal to raw mode within ${timeoutMs} ms`);
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

/** The rows of a screen. */
export function lines(screen: string): string[] {
	return screen.split('\n');
}

// A list row: the selection marker (or two spaces), then the date column.
const listRow = /^(?:› | {2})(?:\d{4}-\d\d-\d\d|-{10})/;

/** The post rows of the list screen, in screen order. */
export function listRows(screen: string): string[] {
	return lines(screen).filter(line => listRow.test(line));
}

/** The selected row of the list screen, or undefined. */
export function selectedRow(screen: string): string | undefined {
	return lines(screen).find(line => line.startsWith('› '));
}

/** A predicate for waitFor: the selected list row contains `text`. */
export function selected(text: string): (screen: string) => boolean {
	return screen => selectedRow(screen)?.includes(text) ?? false;
}

/**
 * The status line: folio leaves the terminal's last row empty, so it is the row above.
 * Asserted to be there, which also proves nothing above it wrapped or pushed it down.
 */
export function statusLine(screen: string, rows: number): string {
	const all = lines(screen);
	assert.equal(all.length, rows, 'the screen has as many rows as the terminal');
	assert.equal(all[rows - 1], '', `the last row is left empty:\n${screen}`);
	return all[rows - 2]!;
}

/** The reader's position as shown in its status line (`line N/M  P%  post I/C`). */
export function readerPosition(screen: string, rows: number): {line: number; lines: number; percent: number; post: number; posts: number} {
	const status = statusLine(screen, rows);
	const match = /^line (\d+)\/(\d+) {2}(\d+)% {2}post (\d+)\/(\d+)/.exec(status);
	assert.ok(match, `the reader's status line shows the position: ${JSON.stringify(status)}`);
	const [line, count, percent, post, posts] = match.slice(1).map(Number) as [number, number, number, number, number];
	return {line, lines: count, percent, post, posts};
}

/** Asserts no row of the screen is wider than the terminal (display cells). */
export function assertFits(screen: string, cols: number): void {
	for (const line of lines(screen)) {
		assert.ok(stringWidth(line) <= cols, `row wider than ${cols}: ${JSON.stringify(line)}`);
	}
}

/**
 * Asserts the list screen is laid out for a terminal of cols x rows: the header (folder,
 * `shown/total posts`, category) on the first row, post rows starting right under it, and the
 * status line with its key hints on the second-last row. An over-wide row would wrap in the
 * terminal and push these out of place.
 */
export function assertListLayout(screen: string, cols: number, rows: number, header: RegExp): void {
	assertFits(screen, cols);
	const all = lines(screen);
	assert.match(all[0]!, header, `header on the first row:\n${screen}`);
	assert.match(all[1]!, listRow, `the first post row right under the header:\n${screen}`);
	assert.match(statusLine(screen, rows), /q quit/, `status line with the key hints:\n${screen}`);
}

/**
 * The list header's right part as a pattern: `shown/total posts · category`, then the count of
 * unread posts that folio adds once something was read.
 */
export function header(shown: number, total: number, category = 'All'): RegExp {
	return new RegExp(`${shown}/${total} posts · ${category}(?: · \\d+ unread)?$`);
}

/**
 * Whether the list screen is laid out for cols x rows (a waitFor predicate): the header on the
 * first row spanning the width, a post row under it, the status line on the second-last row.
 */
export function isListLaidOut(screen: string, cols: number, rows: number): boolean {
	const all = lines(screen);
	return (
		all.length === rows &&
		/\d+\/\d+ posts · /.test(all[0]!) &&
		stringWidth(all[0]!) === cols &&
		listRow.test(all[1]!) &&
		/q quit/.test(all[rows - 2]!) &&
		all[rows - 1] === '' &&
		all.every(line => stringWidth(line) <= cols)
	);
}

/** What `bin/folio ...args` printed, run with pipes (not a terminal). */
export async function runCli(
	args: readonly string[],
	env: Record<string, string> = {},
): Promise<{code: number; stdout: Buffer; stderr: string}> {
	return new Promise(resolve => {
		execFile(
			folioCommand,
			args,
			{cwd: root, env: {...process.env, PATH: pathWithThisNode, TZ: 'UTC', ...isolatedRun(), ...env}, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024},
			(error, stdout, stderr) => {
				const code = error && typeof (error as NodeJS.ErrnoException).code === 'number' ? Number((error as NodeJS.ErrnoException).code) : 0;
				resolve({code, stdout, stderr: stderr.toString('utf8')});
			},
		);
	});
}

// eslint-disable-next-line no-control-regex
const escapeSequence = /\u001B(?:\[([0-?]*)([ -/]*)([@-~])|[\s\S]?)/g;
// SGR codes folio's UI uses: reset, bold, dim, italic, underline, inverse, their resets, and the
// foreground colours green, yellow, blue, magenta, cyan and default. The hostile posts use red,
// blink, hidden and 256-colour codes, which folio never emits itself.
const folioSgr = new Set(['', '0', '1', '2', '3', '4', '7', '22', '23', '24', '27', '32', '33', '34', '35', '36', '39']);
// Private modes folio (or ink) sets: cursor, alternate screen, synchronized output, bracketed paste.
const folioModes = new Set(['?25', '?1049', '?2026', '?2004']);

/**
 * The escape sequences in `raw` that folio itself never writes: anything but cursor movement,
 * erasing, the known private modes, the SGR codes the UI uses, and OSC 8 links to one of `links`.
 * Empty when the output is clean.
 */
export function foreignEscapes(raw: string, links: ReadonlySet<string> = new Set()): string[] {
	const foreign: string[] = [];
	// folio's own clickable links: OSC 8 around a link it checked (`links`), and the closing OSC 8.
	// eslint-disable-next-line no-control-regex
	const rest = raw.replace(/\u001B\]8;;([^\u0007\u001B]*)\u001B\\/g, (sequence, target: string) => {
		if (target !== '' && !links.has(target)) foreign.push(sequence);
		return '';
	});
	for (const match of rest.matchAll(escapeSequence)) {
		const [sequence, parameters, intermediates, final] = match;
		const known =
			final !== undefined &&
			intermediates === '' &&
			((final === 'm' && parameters!.split(';').every(code => folioSgr.has(code))) ||
				((final === 'h' || final === 'l') && folioModes.has(parameters!)) ||
				('ABCDGHJK'.includes(final) && /^\d*(?:;\d*)?$/.test(parameters!)));
		if (!known) foreign.push(sequence);
	}
	return foreign;
}

/** C1 controls, and the bidi embedding/override/isolate characters. */
export const c1Controls = /[\u0080-\u009F]/;
export const bidiControls = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Asserts folio restored the terminal: after the last time it entered the alternate screen and
 * hid the cursor it left the one and showed the other, nothing but plain text (a message)
 * follows, and the emulated terminal agrees (main screen, cursor visible, no paste or mouse mode).
 */
export function assertRestored(term: TerminalSession): void {
	const raw = term.raw();
	const enter = raw.lastIndexOf('\u001B[?1049h');
	const hide = raw.lastIndexOf('\u001B[?25l');
	const leave = raw.lastIndexOf('\u001B[?1049l');
	const show = raw.lastIndexOf('\u001B[?25h');
	assert.ok(enter >= 0, 'folio used the alternate screen');
	assert.ok(leave > enter, 'left the alternate screen after entering it');
	assert.ok(show > hide, 'showed the cursor after hiding it');
	const tail = raw.slice(Math.max(leave, show));
	// eslint-disable-next-line no-control-regex
	const after = tail.replace(/^(?:\u001B\[\?(?:1049l|25h))+/, '');
	assert.ok(!after.includes('\u001B'), `only plain text after the terminal was restored: ${JSON.stringify(tail)}`);
	assert.deepEqual(term.state(), {
		alternateScreen: false,
		cursorHidden: false,
		bracketedPaste: false,
		applicationCursorKeys: false,
		mouseTracking: false,
		synchronizedOutput: false,
	});
}
