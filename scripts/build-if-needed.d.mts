/** Runs `next build` (and the embed build) unless a production build newer than every source file exists. */
export function buildIfNeeded(): Promise<void>;
