import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {closeAll, keys, ptyAvailable, ptyError, startTerminal} from './helpers/terminal.js';

after(closeAll);

const skip = ptyAvailable ? false : `pseudo-terminal unavailable: ${String(ptyError)}`;

/** Run a POSIX shell script in the harness. */
function sh(script: string, options: {cols?: number; rows?: number} = {}) {
	return startTerminal({command: '/bin/sh', args: ['-c', script], ...options});
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
});
