/**
 * End-to-end: however folio ends (q, Ctrl+C, a signal, an unexpected error inside the UI), the
 * terminal is given back as it was — cursor shown, alternate screen left — and the exit status
 * says what happened.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {after, describe, test} from 'node:test';
import {assertRestored, fixtures, folioCommand, isolatedRun, lines, pathWithThisNode, skip, startFolio, waitForRawMode} from './helpers/e2e.js';
import {closeAll, keys, startTerminal} from './helpers/terminal.js';
import type {TerminalSession} from './helpers/terminal.js';

after(closeAll);

/** Starts folio on the fixtures and waits for the list (or, with `reader`, an open article). */
async function started(options: {reader?: boolean; env?: Record<string, string>} = {}): Promise<TerminalSession> {
	const term = startFolio([fixtures], {env: options.env});
	await term.waitFor('14/14 posts · All');
	await waitForRawMode(term);
	assert.ok(term.state().alternateScreen, 'the list runs on the alternate screen');
	assert.ok(term.state().cursorHidden, 'with the cursor hidden');
	if (options.reader) {
		term.write(keys.enter);
		await term.waitFor(/^line 1\//m);
	}
	return term;
}

/** The main screen after folio left: no stack trace, and (when given) the message folio printed. */
function assertCleanExit(term: TerminalSession, message?: RegExp): void {
	const screen = term.screen();
	assert.ok(!screen.includes('posts · All'), `the list is gone with the alternate screen:\n${screen}`);
	assert.ok(!lines(screen).some(line => /^\s+at /.test(line)), `no stack trace:\n${screen}`);
	if (message) assert.match(screen, message);
}

describe('folio restores the terminal however it ends', {skip}, () => {
	test('q: exit status 0', async () => {
		const term = await started();
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
		assertRestored(term);
		assertCleanExit(term);
	});

	test('Ctrl+C in the list: exit status 130', async () => {
		const term = await started();
		term.write(keys.ctrlC);
		assert.deepEqual(await term.waitForExit(), {exitCode: 130});
		assertRestored(term);
		assertCleanExit(term);
	});

	test('Ctrl+C in the reader: exit status 130', async () => {
		const term = await started({reader: true});
		term.write(keys.ctrlC);
		assert.deepEqual(await term.waitForExit(), {exitCode: 130});
		assertRestored(term);
		assertCleanExit(term);
	});

	test('SIGTERM sent to the process: exit status 143', async () => {
		const term = await started({reader: true});
		term.kill('SIGTERM');
		assert.deepEqual(await term.waitForExit(), {exitCode: 143});
		assertRestored(term);
		assertCleanExit(term);
	});

	test('SIGHUP (the terminal went away): exit status 129', async () => {
		const term = await started();
		term.kill('SIGHUP');
		assert.deepEqual(await term.waitForExit(), {exitCode: 129});
		assertRestored(term);
	});

	test('an error thrown while rendering: one line on stderr, exit status 70', async () => {
		const term = await started({env: {FOLIO_TEST_CRASH: '1'}});
		term.write('!');
		assert.deepEqual(await term.waitForExit(), {exitCode: 70});
		assertRestored(term);
		assertCleanExit(term, /^folio: crash while rendering \(FOLIO_TEST_CRASH\)$/m);
	});

	test('an uncaught exception from a timer: one line on stderr, exit status 70', async () => {
		const term = await started({reader: true, env: {FOLIO_TEST_CRASH: '1'}});
		term.write('@');
		assert.deepEqual(await term.waitForExit(), {exitCode: 70});
		assertRestored(term);
		assertCleanExit(term, /^folio: crash from a timer \(FOLIO_TEST_CRASH\)$/m);
	});
});

/**
 * Runs folio from a shell that, once folio ends, prints its exit status and the terminal's line
 * settings (`stty -a`), so a test can see the input mode folio left behind.
 */
async function fromShell(env: Record<string, string> = {}): Promise<{term: TerminalSession; pid: () => number}> {
	const script = `echo "shell pid $$"; "$0" "$@"; status=$?; echo "folio exited $status"; stty -a; echo "stty done"; read _`;
	const term = startTerminal({command: '/bin/sh', args: ['-c', script, folioCommand, fixtures], cols: 100, rows: 30, env: {TZ: 'UTC', PATH: pathWithThisNode, ...isolatedRun(), ...env}});
	await term.waitFor('14/14 posts · All');
	const shell = Number(/shell pid (\d+)/.exec(term.raw())![1]);
	// The shell's only child is folio.
	const pid = () => Number(fs.readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/)[0]);
	await waitForRawMode(pid());
	return {term, pid};
}

/** Asserts the terminal is back in the line mode a shell expects: canonical input, echo, signals. */
async function assertLineMode(term: TerminalSession, status: number): Promise<void> {
	const screen = await term.waitFor('stty done');
	assert.match(screen, new RegExp(`^folio exited ${status}$`, 'm'));
	const settings = new Set(screen.split(/[\s;]+/));
	for (const flag of ['icanon', 'echo', 'isig', 'icrnl', 'ixon']) assert.ok(settings.has(flag) && !settings.has(`-${flag}`), `${flag} is on again:\n${screen}`);
	term.write(keys.enter);
	await term.waitForExit();
}

describe('folio gives the shell back its input mode', {skip: skip || (fs.existsSync('/proc/self/task') ? false : 'needs /proc')}, () => {
	test('after q', async () => {
		const {term} = await fromShell();
		term.write('q');
		await assertLineMode(term, 0);
	});

	test('after Ctrl+C', async () => {
		const {term} = await fromShell();
		term.write(keys.ctrlC);
		await assertLineMode(term, 130);
	});

	test('after SIGTERM', async () => {
		const {term, pid} = await fromShell();
		process.kill(pid(), 'SIGTERM');
		await assertLineMode(term, 143);
	});

	test('after an error inside the UI', async () => {
		const {term} = await fromShell({FOLIO_TEST_CRASH: '1'});
		term.write('!');
		await assertLineMode(term, 70);
	});
});
