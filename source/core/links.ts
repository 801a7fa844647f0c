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
