/**
 * OSC 8 hyperlinks: clickable links in terminals that support them. folio makes them itself, only
 * around URLs that checkLink accepts, so content can never smuggle in its own link target.
 */
import {checkLink} from '../core/links.js';

/**
 * Whether to write OSC 8 links, decided from the environment: never with FOLIO_NO_HYPERLINKS,
 * NO_COLOR, TERM=dumb, or inside screen; always with FORCE_HYPERLINK=1; otherwise only in
 * terminals known to support them (iTerm2, WezTerm, VS Code, kitty, foot, Ghostty, Windows
 * Terminal, VTE-based terminals, Konsole, Alacritty); unknown terminals get plain text.
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv): boolean {
	const set = (name: string) => env[name] !== undefined && env[name] !== '';
	if (set('FOLIO_NO_HYPERLINKS') || set('NO_COLOR')) return false;
	const term = env['TERM'] ?? '';
	if (term === 'dumb' || term.startsWith('screen')) return false;
	if (env['FORCE_HYPERLINK'] !== undefined) return env['FORCE_HYPERLINK'] !== '0';
	const program = env['TERM_PROGRAM'] ?? '';
	if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty'].includes(program)) return true;
	if (set('WT_SESSION') || set('KITTY_WINDOW_ID') || set('KONSOLE_VERSION')) return true;
	if (Number(env['VTE_VERSION'] ?? 0) >= 5000) return true;
	return /^(?:xterm-kitty|xterm-ghostty|foot|alacritty|wezterm)/.test(term);
}

/** `text` as a clickable link to `url` when `url` is a checked http(s) URL; plain `text` otherwise. */
export function hyperlink(url: string | undefined, text: string): string {
	const check = checkLink(url);
	if (!check.ok) return text;
	return `\u001B]8;;${check.url}\u001B\\${text}\u001B]8;;\u001B\\`;
}
