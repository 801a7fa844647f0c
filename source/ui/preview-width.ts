/** Terminals at least this wide show the list and the selected article side by side (unless `v` says otherwise). */
export const previewMinWidth = 160;
