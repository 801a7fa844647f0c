/** The terminal harness itself: what its waits promise, on small shell scripts. */
import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {createRequire} from 'node:module';
import type {IPty} from '@lydell/node-pty';
import {closeAll, keys, ptyAvailable, ptyError, readToTheEnd, startTerminal, type TerminalSession} from './helpers/terminal.js';

const loadPty = () => createRequire(import.meta.url)('@lydell/node-pty') as typeof import('@lydell/node-pty');

after(closeAll);

const skip = ptyAvailable ? false : `pseudo-terminal unavailable: ${String(ptyError)}`;

/** Run a POSIX shell script in the harness. */
function sh(script: string, options: {cols?: number; rows?: number} = {}) {
	return startTerminal({command: '/bin/sh', args: ['-c', script], ...options});
}

/** Holds the event loop up for `ms`, as a busy machine can. */
function holdUp(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A shell script in node-pty itself, read through {@link readToTheEnd}. */
function rawPty(script: string, closeAfterMs?: number) {
	const pty = loadPty().spawn('/bin/sh', ['-c', script], {cols: 80, rows: 24}) as IPty & {_socket: {destroy(): void}};
	let text = '';
	pty.onData(data => {
		text += data;
	});
	readToTheEnd(pty, data => {
		text += data;
	}, closeAfterMs);
	const exited = new Promise<{exitCode: number; signal?: number}>(resolve => pty.onExit(resolve));
	return {pty, exited, received: () => text};
}

/** Resolves once `text` has been received and parsed (whether or not a wait may see it yet). */
async function received(term: TerminalSession, text: string): Promise<void> {
	while (!term.raw().includes(text)) await new Promise(resolve => setImmediate(resolve));
	await term.flush();
}

/** A promise, and whether it has settled yet (after the callbacks already due have run). */
function watch<T>(promise: Promise<T>): {promise: Promise<T>; settled: () => Promise<boolean>} {
	let settled = false;
	const watched = promise.finally(() => {
		settled = true;
	});
	return {
		promise: watched,
		async settled() {
			await new Promise(resolve => setImmediate(resolve));
			return settled;
		},
	};
}

describe('terminal harness', {skip}, () => {
	test('tracks the alternate screen, cursor visibility and positioned output', async () => {
		// Normal screen text, then alternate screen + hidden cursor + text at row 5 col 10,
		// pause on `read`, then leave the alternate screen and show the cursor again.
		const term = sh(
			[
				`printf 'hello from main\\n'`,
				`printf '\\033[?1049h\\033[?25l\\033[?2004h\\033[5;10Halt screen text'`,
				`read _`,
				`printf '\\033[?2004l\\033[?25h\\033[?1049l'`,
				`read _`,
			].join('; '),
			{cols: 40, rows: 10},
		);

		const alt = await term.waitFor('alt screen text');
		const lines = alt.split('\n');
		assert.equal(lines.length, 10);
		assert.equal(lines[4], `${' '.repeat(9)}alt screen text`);
		assert.ok(!alt.includes('hello from main'), 'main screen text is hidden on the alternate screen');
		assert.deepEqual(term.state(), {
			alternateScreen: true,
			cursorHidden: true,
			bracketedPaste: true,
			applicationCursorKeys: false,
			mouseTracking: false,
			synchronizedOutput: false,
		});

		// The tty is in canonical mode, so `read` needs a newline; Enter sends CR, which ICRNL maps.
		term.write(keys.enter);
		const main = await term.waitFor((screen) => screen.includes('hello from main'));
		assert.equal(main.split('\n')[0], 'hello from main');
		assert.ok(!main.includes('alt screen text'));
		assert.deepEqual(term.state(), {
			alternateScreen: false,
			cursorHidden: false,
			bracketedPaste: false,
			applicationCursorKeys: false,
			mouseTracking: false,
			synchronizedOutput: false,
		});
		// eslint-disable-next-line no-control-regex
		assert.match(term.raw(), /\x1b\[\?1049h[\s\S]*\x1b\[\?1049l/);

		term.write(keys.enter);
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});

	test('renders wide (CJK) characters', async () => {
		const term = sh(`printf '新闻阅读器 ok\\n'`);
		const screen = await term.waitFor('ok');
		assert.equal(screen.split('\n')[0], '新闻阅读器 ok');
		await term.waitForExit();
	});

	test('waitFor rejects with the current screen on timeout', async () => {
		const term = sh(`printf 'nothing to see'; read _`);
		await term.waitFor('nothing to see');
		await assert.rejects(term.waitFor('never appears', 150), (error: Error) => {
			assert.match(error.message, /Timed out after 150 ms/);
			assert.match(error.message, /nothing to see/);
			return true;
		});
		term.kill();
		const exit = await term.waitForExit();
		assert.ok(exit.signal !== undefined || exit.exitCode !== 0);
	});

	test('sanitises the environment', async () => {
		const previous = process.env.CI;
		process.env.CI = 'true';
		try {
			const term = startTerminal({
				command: '/bin/sh',
				args: ['-c', `printf '[%s][%s][%s]\\n' "\${CI-unset}" "$TERM" "\${FOLIO_X-unset}"`],
				env: {FOLIO_X: 'yes'},
			});
			await term.waitFor('[unset][xterm-256color][yes]');
			await term.waitForExit();
		} finally {
			if (previous === undefined) {
				delete process.env.CI;
			} else {
				process.env.CI = previous;
			}
		}
	});

	// node-pty closes the terminal 200 ms after the program's exit, from a timer; a timer that is
	// due runs before the event loop reads what is waiting, so when the test process is held up
	// (a busy machine) across the exit, the close comes first and the last output is lost. These
	// two tests hold the loop up and then close as that timer does, at the worst moment.
	test('the last output is read when the terminal is closed before the event loop got to it', async () => {
		const {received: got, exited, pty} = rawPty(`printf 'the last line'; exit 3`);
		holdUp(300); // the program writes and exits meanwhile
		pty._socket.destroy(); // node-pty's timer
		assert.deepEqual(await exited, {exitCode: 3, signal: 0});
		assert.equal(got(), 'the last line');
	});

	test('the last output is read even when it is still unread once the wait for it runs out', async () => {
		const {received: got, exited, pty} = rawPty(`printf 'the last line'; exit 3`, 50);
		holdUp(300);
		pty._socket.destroy();
		holdUp(300); // and the harness's own close is due before anything was read
		assert.deepEqual(await exited, {exitCode: 3, signal: 0});
		assert.equal(got(), 'the last line');
	});

	test('waitForExit gives every byte of a large last write', async () => {
		const term = startTerminal({
			command: process.execPath,
			args: ['-e', `process.stdout.write('x'.repeat(200_000) + '\\r\\nthe end\\r\\n'); process.exitCode = 5`],
		});
		// (Parsing 200 KB takes a while on a busy machine: a generous bound.)
		assert.deepEqual(await term.waitForExit(30_000), {exitCode: 5});
		assert.equal(term.raw().split('x').length - 1, 200_000);
		assert.match(term.screen(), /^the end$/m);
	});

	test('a wait never ends in the middle of a synchronized update (one frame drawn in two writes)', async () => {
		const term = sh(`printf '\\033[?2026h\\033[HPost list'; read _; printf '\\033[10;1Hq quit\\033[?2026l'; read _`, {cols: 40, rows: 10});
		const wait = watch(term.waitFor('Post list'));
		await received(term, 'Post list');
		assert.equal(term.state().synchronizedOutput, true, 'the update is open');
		assert.match(term.screen(), /^Post list/, 'the first half is on the emulated screen');
		assert.equal(await wait.settled(), false, 'the wait does not end on half a frame');
		term.write(keys.enter);
		const screen = await wait.promise;
		assert.equal(screen.split('\n')[9], 'q quit', 'the wait ends on the whole frame, status line included');
		assert.equal(term.state().synchronizedOutput, false);
		assert.match(await term.frame(), /q quit/);
		term.kill();
		await term.waitForExit();
	});

	test('waitFor with several conditions ends only when all of them hold on one screen', async () => {
		const term = sh(`printf 'Post list\\n'; read _; printf 'q quit\\n'; read _`);
		const wait = watch(term.waitFor(['Post list', /^q quit$/m]));
		await term.waitFor('Post list');
		assert.equal(await wait.settled(), false, 'one condition of two is not enough');
		term.write(keys.enter);
		const screen = await wait.promise;
		// (The line between them is the echo of Enter.)
		assert.deepEqual(screen.split('\n').slice(0, 3), ['Post list', '', 'q quit']);
		term.kill();
		await term.waitForExit();
	});

	test('waitFor rejects when the program exits first, naming the conditions not met', async () => {
		const term = sh(`printf 'Post list\\n'; exit 1`);
		await assert.rejects(term.waitFor(['Post list', 'q quit']), (error: Error) => {
			assert.match(error.message, /^Program exited \(code 1\) before the screen to match "q quit"\./);
			assert.match(error.message, /Post list/, 'the error shows the screen');
			return true;
		});
	});
});
