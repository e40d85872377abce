/**
 * How many rows a backend list sends per window (lib/windowed.ts); apart so the boot
 * (app/boot.ts) can ask for a list's first window before the list's code has loaded.
 */
export const LIST_PAGE = 100;
