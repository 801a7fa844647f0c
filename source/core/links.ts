/** Whether a link may be opened, and the exact URL string to pass to a browser. */
export type LinkCheck = {readonly ok: true; readonly url: string} | {readonly ok: false; readonly reason: string};

/**
 * Only absolute `http:` and `https:` URLs may be opened. The URL returned is normalized by the
 * WHATWG parser (spaces, quotes and the like percent-encoded), so it is always one clean argument.
 */
export function checkLink(link: string | undefined): LinkCheck {
	if (link === undefined || link.trim() === '') return {ok: false, reason: 'This post has no link'};
	const shown = describeLink(link);
	const trimmed = link.trim();
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001F\u007F-\u009F]/.test(trimmed)) return {ok: false, reason: `Not opened: the link has control characters: ${shown}`};
	if (/^\.{0,2}\/(?!\/)/.test(trimmed)) return {ok: false, reason: `Not opened: a relative link, and the post has no web address to resolve it against: ${shown}`};
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return {ok: false, reason: `Not opened: not a web address: ${shown}`};
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return {ok: false, reason: `Not opened: only http(s) links open, not ${url.protocol.slice(0, 20)} ${shown}`};
	}

	if (url.hostname === '') return {ok: false, reason: `Not opened: the link has no host: ${shown}`};
	return {ok: true, url: url.href};
}

/** A link cut to a length that fits a status line, with control characters shown as `?`. */
export function describeLink(link: string, max = 60): string {
	// eslint-disable-next-line no-control-regex
	const clean = link.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '?');
	return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** The host of a link without `www.`, for showing where a post came from. */
export function linkDomain(link: string | undefined): string | undefined {
	if (!link) return undefined;
	try {
		const host = new URL(link).hostname;
		return host ? host.replace(/^www\./, '') : undefined;
	} catch {
		return undefined;
	}
}

/** True for a link with no scheme (`/dl/`, `../x`, `page.html`, `//host/x`): it names a place relative to its page. */
export function isRelativeLink(link: string): boolean {
	return !/^[A-Za-z][A-Za-z\d+.-]*:/.test(link.trim());
}

/**
 * What a link in a post's body is listed as: an http(s) URL (a relative link resolved against the
 * post's own link when it has a web one), or, when there is nothing to resolve it against, the
 * relative link as written. Undefined for links that are not listed: in-page anchors, other
 * schemes (`javascript:`, `mailto:`) and anything with control characters.
 */
export function bodyLinkTarget(href: string, base: string | undefined): string | undefined {
	const trimmed = href.trim();
	// eslint-disable-next-line no-control-regex
	if (trimmed === '' || trimmed.startsWith('#') || /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(trimmed)) return undefined;
	const baseUrl = base !== undefined && checkLink(base).ok ? base.trim() : undefined;
	if (isRelativeLink(trimmed) && baseUrl === undefined) return trimmed;
	let resolved: string;
	try {
		resolved = new URL(trimmed, baseUrl).href;
	} catch {
		return undefined;
	}

	const check = checkLink(resolved);
	return check.ok ? check.url : undefined;
}

/**
 * The page of the first YouTube video among embed addresses (`https://www.youtube.com/embed/ID`,
 * `youtube-nocookie.com`, protocol-relative `//…`), as `https://www.youtube.com/watch?v=ID`.
 */
export function videoLink(sources: readonly string[]): string | undefined {
	for (const source of sources) {
		const match = /^(?:https?:)?\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,20})/i.exec(source.trim());
		if (match) return `https://www.youtube.com/watch?v=${match[1]}`;
	}

	return undefined;
}

const escapedRun = /(?:%[0-9A-Fa-f]{2})+/g;
let utf8: InstanceType<typeof TextDecoder> | undefined;

/**
 * A link as a person reads it (IRI form): percent-encoded UTF-8 in its path, query or fragment
 * shown as the characters it stands for. Escapes of ASCII (`%20`, `%2F`, `%3F` …), of bytes that
 * are not UTF-8, and of invisible, control, space or bidi characters stay as written, so the
 * text shown still names the same address. Only for showing: the link itself is what opens.
 */
export function displayLink(link: string): string {
	if (!/%[89A-Fa-f][0-9A-Fa-f]/.test(link)) return link;
	utf8 ??= new TextDecoder('utf-8', {fatal: true});
	const decoder = utf8;
	return link.replace(escapedRun, run => {
		const bytes = Uint8Array.from({length: run.length / 3}, (_, index) => Number.parseInt(run.slice(index * 3 + 1, index * 3 + 3), 16));
		let out = '';
		let at = 0;
		while (at < bytes.length) {
			const lead = bytes[at]!;
			const size = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 1;
			let shown: string | undefined;
			if (size > 1 && at + size <= bytes.length) {
				try {
					const char = decoder.decode(bytes.subarray(at, at + size));
					if (!/[\p{C}\p{Z}\u115F\u1160\u3164\uFFA0]/u.test(char)) shown = char;
				} catch {
					shown = undefined;
				}
			}
			const taken = shown === undefined ? 1 : size;
			out += shown ?? run.slice(at * 3, at * 3 + 3);
			at += taken;
		}
		return out;
	});
}
