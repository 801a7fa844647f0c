/**
 * folio's prepared start: built into a V8 start-up snapshot (`node --build-snapshot`, see
 * scripts/build.js), so the modules a print or list needs are already loaded and set up when
 * the process starts, instead of being read, compiled and run each time.
 *
 * Everything here runs once, when the snapshot is built, except the function given to
 * setDeserializeMainFunction, which runs at every start. No module may read the terminal, the
 * environment or the clock while it loads (that would be frozen at build time).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import v8 from 'node:v8';
import {readPostText, renderArticle, warmUp} from './core/article.js';
import {loadArchive} from './core/load.js';
import {runFolio} from './folio.js';
import {formatArticle, formatJsonLine, formatListLine} from './output.js';
import type {ReaderSession} from './reader-session.js';

// A console restored from a snapshot has no `Console` class, which ink uses to catch what the
// screens log; the class is kept from build time and put back at start.
const consoleClass = console.Console;

/** Sample posts for the warm-up: the kinds of front matter and body folio reads. */
const samplePosts: Record<string, string> = {
	'2024-11-05-sample.md': `---
title: "A sample: harbour ferries add night sailings"
date: 2024-11-05 21:40:00 +0800
categories: [local, transport]
tags: [ferry, "night service"]
link: https://example.org/news/2024/11/05/ferries?ref=rss
author: Sample Desk
---
# Heading

Ferries will run **every 30 minutes** until 2 a.m., the operator said on *Tuesday*. See [the timetable](https://example.org/timetable).

> A quoted paragraph, with a footnote-like mark.[^1]

- one item
- another item with \`code\`

1. first
2. second

中文段落，包含标点符号「引号」和数字2024年。天星小輪增設夜航班次，乘客數字回升。
`,
	'2024-11-06-sample.html': `---
title: 气候大会开幕：发展中国家要求发达国家兑现资金承诺
date: '2024-11-06T08:15:00Z'
categories: dw
source: example.org
---
<div class="article"><h2>小标题</h2><p class="MsoNormal"><span style="font-size:12pt">第一段，<b>加粗</b>和<a href="https://example.org/b">链接</a>。</span></p>
<p>Second paragraph in English &amp; entities &nbsp;&mdash; &#8220;quoted&#8221;.</p><ul><li>一</li><li>二</li></ul>
<table><tr><th>Name</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr></table><img src="x.jpg" alt="An image"><br/><script>ignored()</script></div>
`,
	'hugo-sample.md': `+++
title = "Night trains return"
date = 2024-11-12T06:30:00+01:00
categories = ["travel"]
tags = ["rail"]
+++
Plain text body without markup, long enough to wrap over more than one row at eighty columns of width.
`,
	'undated.txt': 'No front matter at all, only a first line that becomes the title.\n\nAnd a body.\n',
};

/**
 * Does once, at build time, what a print and a list do, on sample posts written to a temporary
 * folder: what the libraries set up on first use (tables, schemas, parsers) is then in the
 * snapshot. Measured: a print starts about 25 ms sooner than without it.
 */
function warmUpCommand(): void {
	warmUp();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-snapshot-'));
	try {
		for (const [name, text] of Object.entries(samplePosts)) fs.writeFileSync(path.join(folder, name), text);
		const {posts} = loadArchive(folder, {cache: false});
		for (const post of posts) {
			formatListLine(post);
			formatJsonLine(post);
			formatArticle(renderArticle(post, readPostText(post.path), 80));
		}
	} finally {
		fs.rmSync(folder, {recursive: true, force: true});
	}
}

warmUpCommand();

/** The snapshot script's own require (built-in modules only). */
declare const require: (id: string) => unknown;

/** The folder of the snapshot file (dist/), from the `--snapshot-blob` node was given. */
function snapshotFolder(): string {
	const at = process.execArgv.findIndex(argument => argument === '--snapshot-blob' || argument.startsWith('--snapshot-blob='));
	const given = at < 0 ? undefined : process.execArgv[at]!.includes('=') ? process.execArgv[at]!.split('=').slice(1).join('=') : process.execArgv[at + 1];
	if (!given) throw new Error('started without --snapshot-blob');
	return path.dirname(path.resolve(given));
}

v8.startupSnapshot.setDeserializeMainFunction(() => {
	if (typeof console.Console !== 'function') console.Console = consoleClass;
	const dist = snapshotFolder();
	// In a snapshot, argv has no script: the arguments start at index 1.
	void runFolio(process.argv.slice(1), {
		packageFile: path.join(dist, '..', 'package.json'),
		async loadReader() {
			// Code in a snapshot cannot use import(); a CommonJS helper next to it can. The reader's
			// screens (ink, react) are ES modules with top-level await, so they load from the bundle.
			// (node:module is required only now: snapshots are not meant to hold it.)
			const {createRequire} = require('node:module') as typeof import('node:module');
			const importModule = createRequire(path.join(dist, 'snapshot.cjs'))('./import-module.cjs') as (url: string) => Promise<unknown>;
			return importModule(pathToFileURL(path.join(dist, 'reader-session.js')).href) as Promise<{openReader: (session: ReaderSession) => Promise<void>}>;
		},
	});
});
