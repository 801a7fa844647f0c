/** `$BROWSER` with `%s`: the URL takes the place of `%s` exactly, `$&` and `` $` `` included. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {openLink} from '../source/open-link.js';

test('a URL holding $&, $`, $\' and $$ reaches the browser as written, in place of %s', async () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-browser-'));
	try {
		const record = path.join(folder, 'argv.json');
		const script = path.join(folder, 'browser.cjs');
		fs.writeFileSync(script, `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));\n`, {mode: 0o755});
		const url = "https://example.org/a$&b/$'c/$$d?e=$`f&g=$1";
		assert.equal(new URL(url).href, url, 'a URL that needs no normalizing');
		await openLink(url, {env: {BROWSER: `${script} --new-tab --url=%s`}});
		const started = Date.now();
		while (!fs.existsSync(record)) {
			if (Date.now() - started > 10_000) assert.fail('the browser was not started');
			await new Promise(resolve => setTimeout(resolve, 20));
		}

		assert.deepEqual(JSON.parse(fs.readFileSync(record, 'utf8')), ['--new-tab', `--url=${url}`]);
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}
});
