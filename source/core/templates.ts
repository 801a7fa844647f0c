/**
 * Template syntax that site generators leave in post sources (Hugo shortcodes and heading
 * attributes, Liquid tags and output, Go template actions) is not part of what a reader reads:
 * it is removed, keeping the text that paired shortcodes wrap. Code (fenced blocks, inline code
 * spans, `<pre>` and `<code>`) is left as written, since a post may be about the syntax itself.
 * Every pass is linear in the length of the text.
 */

// `{{< x >}}`, `{{% x %}}`, `{{ x }}`, `{{x}}`: no `{` inside, a lone `}` allowed.
const doubleBrace = /\{\{(?:[^{}]|\}(?!\}))*\}\}/g;
// `{% x %}` and `{%- x -%}`.
const liquidTag = /\{%(?:[^%]|%(?!\}))*%\}/g;
const rawOpen = /\{%-?\s*raw\s*-?%\}/g;
const rawClose = /\{%-?\s*endraw\s*-?%\}/g;
const commentBlock = /\{%-?\s*comment\s*-?%\}(?:[^{]|\{(?!%-?\s*endcomment))*\{%-?\s*endcomment\s*-?%\}/g;
// `## Title {#id}`, `## Title {.class}`, and kramdown's `{: #id}` lines.
const headingAttributes = /^(#{1,6}[ \t].*?)[ \t]*\{[#.:][^{}\n]*\}[ \t]*#*[ \t]*$/gm;
const attributeLine = /^[ \t]*\{:[^{}\n]*\}[ \t]*$/gm;
const htmlHeadingAttributes = /(<h[1-6]\b[^>]*>[^<]*?)\s*\{[#.][^{}<]*\}(?=\s*<\/h[1-6]>)/gi;
const fence = /^ {0,3}(`{3,}|~{3,})/;
const highlightOpen = /^[ \t]*\{%-?\s*highlight\s+([\w+#.-]*)[^%]*%\}[ \t]*$/;
const highlightClose = /^[ \t]*\{%-?\s*endhighlight\s*-?%\}[ \t]*$/;
const inlineCode = /`[^`\n]+`/g;
const htmlCode = /<(pre|code)\b[^>]*>[\s\S]*?<\/\1>/gi;

/** `text` (a post body) without template syntax; text with none is returned as it is. */
export function stripTemplates(text: string, format: 'html' | 'markdown'): string {
	if (!/\{[{%#.:]/.test(text)) return text;
	return format === 'markdown' ? stripMarkdown(text) : outside(text, htmlCode, part => stripText(part).replace(htmlHeadingAttributes, '$1'));
}

/** Markdown outside fenced code; Jekyll's `{% highlight x %}` blocks become fenced code. */
function stripMarkdown(text: string): string {
	const lines = text.split('\n');
	const out: string[] = [];
	let prose: string[] = [];
	let closing: RegExp | string | undefined;
	const flush = () => {
		if (prose.length === 0) return;
		const part = prose.join('\n').replace(headingAttributes, '$1').replace(attributeLine, '');
		out.push(outside(part, inlineCode, stripText));
		prose = [];
	};
	for (const line of lines) {
		if (closing !== undefined) {
			if (typeof closing === 'string' ? line.trimStart().startsWith(closing) && line.trim().replace(/[`~]/g, '') === '' : closing.test(line)) {
				out.push(typeof closing === 'string' ? line : '```');
				closing = undefined;
			} else out.push(line);
			continue;
		}
		const opened = fence.exec(line);
		const highlight = opened ? undefined : highlightOpen.exec(line);
		if (opened || highlight) {
			flush();
			out.push(highlight ? '```' + highlight[1]! : line);
			closing = highlight ? highlightClose : opened![1]!;
			continue;
		}
		prose.push(line);
	}
	flush();
	return out.join('\n');
}

/** Applies `change` to the parts of `text` outside the matches of `kept`. */
function outside(text: string, kept: RegExp, change: (part: string) => string): string {
	let out = '';
	let at = 0;
	for (const match of text.matchAll(kept)) {
		out += change(text.slice(at, match.index)) + match[0];
		at = match.index + match[0].length;
	}
	return out + change(text.slice(at));
}

/** Prose without template syntax; what `{% raw %}` … `{% endraw %}` wraps is kept as written. */
function stripText(text: string): string {
	if (!/\{[{%]/.test(text)) return text;
	let out = '';
	let at = 0;
	rawOpen.lastIndex = 0;
	for (let open = rawOpen.exec(text); open !== null; open = rawOpen.exec(text)) {
		rawClose.lastIndex = rawOpen.lastIndex;
		const close = rawClose.exec(text);
		if (close === null) break;
		out += removeTags(text.slice(at, open.index)) + text.slice(rawOpen.lastIndex, close.index);
		at = rawClose.lastIndex;
		rawOpen.lastIndex = at;
	}
	return out + removeTags(text.slice(at));
}

function removeTags(text: string): string {
	if (!/\{[{%]/.test(text)) return text;
	const uncommented = text.includes('endcomment') ? text.replace(commentBlock, '') : text;
	return uncommented.replace(doubleBrace, '').replace(liquidTag, '');
}
