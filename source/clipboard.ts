import {checkLink, describeLink} from './core/links.js';

/**
 * The OSC 52 sequence that asks the terminal to put `url` on the system clipboard (works over
 * SSH in terminals that allow it). Only checked http(s) URLs are encoded; undefined otherwise.
 */
export function osc52(url: string | undefined): string | undefined {
	const check = checkLink(url);
	if (!check.ok) return undefined;
	return `\u001B]52;c;${Buffer.from(check.url, 'utf8').toString('base64')}\u0007`;
}

/**
 * Copies a post's link through the terminal with OSC 52, writing with `write` (the terminal's
 * stdout), and resolves with a status message; rejects with a one-line Error for a link that
 * is not http(s).
 */
export async function copyLink(link: string | undefined, write: (data: string) => void): Promise<string> {
	const check = checkLink(link);
	const sequence = osc52(link);
	if (!check.ok || sequence === undefined) throw new Error(check.ok ? 'Not copied' : check.reason.replace(/^Not opened/, 'Not copied'));
	write(sequence);
	return `Copied ${describeLink(check.url)} (sent to the terminal's clipboard)`;
}
