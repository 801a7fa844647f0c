/** Why a patch cannot be applied to the file it was given. */
export class PatchError extends Error {}

/** A change the build makes to one library file (see patches.js). */
export type Patch = {
	readonly name: string;
	readonly file: RegExp;
	readonly mark: string;
	apply(source: string): string;
};

export const patches: readonly Patch[];
