/** A one-line text prompt at the bottom of the screen (search, find, a day), as pure functions. */
import {actionFor} from './keys.js';

/** What the text typed is for. */
export type PromptKind = 'filter' | 'fullText' | 'date' | 'find';

export type Prompt = {readonly kind: PromptKind; readonly text: string};

/** What one key does to a prompt: new text, or the prompt ends (submitted or cancelled). */
export type PromptResult =
	| {readonly type: 'edit'; readonly text: string}
	| {readonly type: 'submit'; readonly text: string}
	| {readonly type: 'cancel'};

/** Longest text a prompt takes; more is ignored. */
export const maxPromptLength = 200;

/**
 * Applies one key name (see keyNames) to the prompt text: Enter submits, Esc cancels,
 * Backspace erases one character, Space and single characters are typed; other keys are ignored.
 */
export function promptKey(prompt: Prompt, name: string): PromptResult {
	switch (actionFor('prompt', name)) {
		case 'submit':
			return {type: 'submit', text: prompt.text};
		case 'cancel':
			return {type: 'cancel'};
		case 'erase':
			return {type: 'edit', text: [...prompt.text].slice(0, -1).join('')};
		default:
			break;
	}
	const typed = name === 'Space' ? ' ' : [...name].length === 1 ? name : '';
	if (typed === '' || prompt.text.length >= maxPromptLength) return {type: 'edit', text: prompt.text};
	return {type: 'edit', text: prompt.text + typed};
}

/** The prompt as shown: its sign (`/`, `F/`, `:`), the text and a cursor block. */
export function promptLine(prompt: Prompt): string {
	const sign = prompt.kind === 'fullText' ? 'Full text: ' : prompt.kind === 'date' ? 'Go to day (YYYY-MM-DD): ' : '/';
	return `${sign}${prompt.text}█`;
}
