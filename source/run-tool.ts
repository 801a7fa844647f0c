/**
 * The article's text through `$PAGER` and the post's file in `$EDITOR`: each runs in the
 * foreground with the terminal (folio suspended, as for a browser), without a shell: the
 * variable's words are the command and its options, and the file is one more argument.
 */
import path from 'node:path';

/** Runs a program in the foreground; a one-line message when it could not start or failed. */
export type RunInForeground = (command: string, args: readonly string[], input?: string) => string | undefined;

/** The command and its options from a variable such as `less -R` (split on white space, no shell). */
function commandOf(value: string | undefined, fallback: string): [string, string[]] {
	const words = (value ?? '').trim().split(/\s+/).filter(word => word !== '');
	const [command = fallback, ...args] = words.length > 0 ? words : [fallback];
	return [command, args];
}

/** Shows `text` in `$PAGER` (default `less`), the text on its standard input; resolves with a status message, rejects when it failed. */
export async function pipeToPager(text: string, run: RunInForeground, env: NodeJS.ProcessEnv = process.env): Promise<string> {
	const [command, args] = commandOf(env['PAGER'], 'less');
	const failure = run(command, args, text.endsWith('\n') ? text : `${text}\n`);
	if (failure !== undefined) throw new Error(failure);
	return `Shown in ${path.basename(command)}`;
}

/** Opens a post's file in `$VISUAL` or `$EDITOR` (default `vi`), its path as one argument; resolves with a status message, rejects when it failed. */
export async function editFile(file: string, run: RunInForeground, env: NodeJS.ProcessEnv = process.env): Promise<string> {
	const [command, args] = commandOf(env['VISUAL'] || env['EDITOR'], 'vi');
	// Absolute, so a file name that starts with `-` is never read as an option.
	const failure = run(command, [...args, path.resolve(file)]);
	if (failure !== undefined) throw new Error(failure);
	return `Edited in ${path.basename(command)}`;
}
