/**
 * Navigation of a long list as a pure function: a selected index and the first row on screen.
 * Every operation is O(1) in the length of the list, so a key press costs the same with ten
 * posts or a hundred thousand.
 */

/** A selection in a list of `count` items shown `rows` at a time. */
export type ListState = {
	readonly selected: number;
	/** Index of the first visible item. */
	readonly top: number;
};

/** Moves that a list understands. */
export type ListMove = 'down' | 'up' | 'pageDown' | 'pageUp' | 'halfDown' | 'halfUp' | 'top' | 'bottom';

export const initialList: ListState = {selected: 0, top: 0};

/**
 * The state made valid for a list of `count` items shown `rows` at a time: the selection is
 * inside the list and the window contains it. Use it when the count or the height may have
 * changed since the state was made.
 */
export function fitList(state: ListState, count: number, rows: number): ListState {
	const height = Math.max(1, rows);
	if (count <= 0) return state.selected === 0 && state.top === 0 ? state : initialList;
	const selected = clamp(state.selected, 0, count - 1);
	let top = clamp(state.top, 0, Math.max(0, count - height));
	if (selected < top) top = selected;
	else if (selected >= top + height) top = selected - height + 1;
	return selected === state.selected && top === state.top ? state : {selected, top};
}

/** The state after one move; a page is `rows` items; the window follows the selection. */
export function moveList(state: ListState, move: ListMove, count: number, rows: number): ListState {
	const height = Math.max(1, rows);
	const current = fitList(state, count, height);
	if (count <= 0) return current;
	const half = Math.max(1, Math.floor(height / 2));
	switch (move) {
		case 'down':
			return fitList({...current, selected: current.selected + 1}, count, height);
		case 'up':
			return fitList({...current, selected: current.selected - 1}, count, height);
		case 'pageDown':
			// The page scrolls with the selection, like less: the same row of the screen stays selected.
			return fitList({selected: current.selected + height, top: current.top + height}, count, height);
		case 'pageUp':
			return fitList({selected: current.selected - height, top: current.top - height}, count, height);
		case 'halfDown':
			return fitList({selected: current.selected + half, top: current.top + half}, count, height);
		case 'halfUp':
			return fitList({selected: current.selected - half, top: current.top - half}, count, height);
		case 'top':
			return {selected: 0, top: 0};
		case 'bottom':
			return fitList({selected: count - 1, top: count - height}, count, height);
	}
}

/** Selects one index, scrolling as little as needed to show it. */
export function selectIndex(state: ListState, index: number, count: number, rows: number): ListState {
	return fitList({...state, selected: index}, count, rows);
}

/** Selects one index and places it about a third down the screen (used after a jump, e.g. a new filter). */
export function selectCentered(index: number, count: number, rows: number): ListState {
	const height = Math.max(1, rows);
	return fitList({selected: index, top: index - Math.floor(height / 3)}, count, height);
}

/** The half-open range [start, end) of items visible in a valid state. */
export function visibleRange(state: ListState, count: number, rows: number): {start: number; end: number} {
	const fitted = fitList(state, count, rows);
	return {start: fitted.top, end: Math.min(count, fitted.top + Math.max(1, rows))};
}

function clamp(value: number, low: number, high: number): number {
	return value < low ? low : value > high ? high : value;
}
