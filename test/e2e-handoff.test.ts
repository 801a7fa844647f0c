/**
 * End-to-end: folio hands the terminal over and gets it back. A text browser from $BROWSER runs
 * in the foreground with the terminal (folio's screen put away, raw mode off), a browser that
 * fails is reported with how it ended, and Ctrl+Z suspends folio as a job of an interactive
 * shell, from which `fg` brings it back redrawn.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {canSeeTerminalMode, fixtures, folioCommand, isolatedRun, pathWithThisNode, selected, skip, startFolio, terminalMode, waitForRawMode} from './helpers/e2e.js';
import {closeAll, keys, startTerminal} from './helpers/terminal.js';

after(closeAll);

const made: string[] = [];
after(() => {
	for (const folder of made) fs.rmSync(folder, {recursive: true, force: true});
});

/** Writes an executable shell script and returns its path. */
function script(name: string, body: string): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-handoff-'));
	made.push(folder);
	const file = path.join(folder, name);
	fs.writeFileSync(file, `#!/bin/sh\n${body}\n`);
	fs.chmodSync(file, 0o755);
	return file;
}

/** A browser that runs only with a terminal: says so with the URL it got, waits for a line, then exits. */
const textBrowser = () =>
	script(
		'text-browser',
		`if [ -t 0 ] && [ -t 1 ]; then echo "TEXT BROWSER HAS A TERMINAL: $1"; else echo "no terminal" >&2; exit 3; fi
read -r answer
echo "TEXT BROWSER GOT: $answer"`,
	);

const listShown = '14/14 posts · All';
const robotFish = 'https://example.org/science/robot-fish';

describe('handing the terminal to another program', {skip}, () => {
	test('$BROWSER runs in the foreground with the terminal; after it exits, folio redraws and reads keys', async () => {
		const browser = textBrowser();
		const term = startFolio([fixtures], {env: {BROWSER: browser}});
		await term.waitFor(listShown);
		await waitForRawMode(term);
		term.write('o');
		const shown = await term.waitFor(`TEXT BROWSER HAS A TERMINAL: ${robotFish}`);
		assert.ok(!shown.includes(listShown), `folio's list is put away while the browser runs:\n${shown}`);
		assert.equal(term.state().alternateScreen, false, 'the browser has the main screen');
		assert.equal(term.state().cursorHidden, false, 'with the cursor shown');
		if (canSeeTerminalMode) assert.match(terminalMode(term), /(?:^|\s)icanon(?:\s|$)/m, 'and the terminal out of raw mode');

		term.write('thanks\r');
		await term.waitFor(screen => screen.includes(listShown) && screen.includes(`Opened ${robotFish}`));
		assert.equal(term.state().alternateScreen, true, "folio's screen is back");
		assert.equal(term.state().cursorHidden, true);
		await waitForRawMode(term);
		term.write('j');
		await term.waitFor(selected('港珠澳大桥'));
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
		assert.ok(term.raw().includes('TEXT BROWSER GOT: thanks'), 'the line typed went to the browser');
	});

	test('a browser that exits non-zero, or is ended by a signal, is reported with how it ended', async () => {
		const failing = script('failing-browser', 'exit 7');
		const term = startFolio([fixtures], {env: {BROWSER: failing}});
		await term.waitFor(listShown);
		await waitForRawMode(term);
		term.write('o');
		await term.waitFor(/^\$BROWSER \(failing-browser\) exited with code 7$/m);
		assert.ok(!term.screen().includes('Opened'), 'not reported as opened');
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});

		const falseBrowser = startFolio([fixtures], {env: {BROWSER: '/bin/false'}});
		await falseBrowser.waitFor(listShown);
		await waitForRawMode(falseBrowser);
		falseBrowser.write('o');
		await falseBrowser.waitFor(/^\$BROWSER \(false\) exited with code 1$/m);
		falseBrowser.write('q');
		assert.deepEqual(await falseBrowser.waitForExit(), {exitCode: 0});
	});

	test('Ctrl+C typed in the browser ends the browser, not folio', async () => {
		const browser = textBrowser();
		const term = startFolio([fixtures], {env: {BROWSER: browser}});
		await term.waitFor(listShown);
		await waitForRawMode(term);
		term.write('o');
		await term.waitFor('TEXT BROWSER HAS A TERMINAL');
		term.write(keys.ctrlC);
		await term.waitFor(/^\$BROWSER \(text-browser\) (?:was ended by SIGINT|exited with code 130)$/m);
		await waitForRawMode(term);
		term.write('j');
		await term.waitFor(selected('港珠澳大桥'));
		assert.equal(term.exited(), undefined, 'folio is still running');
		term.write('q');
		assert.deepEqual(await term.waitForExit(), {exitCode: 0});
	});
});

/** The process id of a process whose environment holds `mark`. */
function pidWithMark(mark: string): number | undefined {
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (fs.readFileSync(`/proc/${entry}/environ`, 'latin1').includes(`${mark}\0`)) return Number(entry);
		} catch {
			// The process ended or is not ours.
		}
	}
	return undefined;
}

/** The state letter of a process (`T` when stopped), from /proc. */
function processState(pid: number): string {
	return /\) (\S)/.exec(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))![1]!;
}

const bash = (() => {
	try {
		return execFileSync('sh', ['-c', 'command -v bash'], {encoding: 'utf8'}).trim() || undefined;
	} catch {
		return undefined;
	}
})();

describe('job control', {skip: skip || (bash === undefined ? 'bash is not installed' : false)}, () => {
	test('Ctrl+Z suspends folio with the terminal restored; fg brings it back redrawn', async () => {
		// Given on folio's command line only, so it marks folio's process and not the shell's.
		const mark = `FOLIO_JOB_TEST=${process.pid}-${Date.now()}`;
		const env = {...isolatedRun(), PATH: pathWithThisNode, TZ: 'UTC', PS1: 'shell$ ', HISTFILE: '/dev/null', BROWSER: undefined};
		const shell = startTerminal({command: bash!, args: ['--norc', '--noprofile', '-i'], env, cols: 100, rows: 30});
		await shell.waitFor('shell$ ');
		shell.write(`${mark} ${folioCommand} ${fixtures}\r`);
		await shell.waitFor(listShown);
		const pid = pidWithMark(mark) ?? assert.fail('folio is running');
		await waitForRawMode(pid);
		shell.write('j');
		await shell.waitFor(selected('港珠澳大桥'));

		shell.write('\u001A');
		const stopped = await shell.waitFor(screen => /Stopped/.test(screen) && /shell\$ $/m.test(screen));
		assert.ok(!stopped.includes(listShown), `the shell has the main screen back:\n${stopped}`);
		assert.equal(shell.state().alternateScreen, false);
		assert.equal(shell.state().cursorHidden, false);
		assert.equal(processState(pid), 'T', 'folio is stopped');

		shell.write('fg\r');
		await shell.waitFor(screen => screen.includes(listShown) && (selected('港珠澳大桥')(screen)));
		assert.equal(shell.state().alternateScreen, true, 'redrawn on the alternate screen');
		await waitForRawMode(pid);
		shell.write('j');
		await shell.waitFor(selected('Council minutes'));
		shell.write('q');
		await shell.waitFor(/shell\$ $/m);
		assert.equal(shell.state().alternateScreen, false);
		shell.write('exit\r');
		await shell.waitForExit();
	});
});
