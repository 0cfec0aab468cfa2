/** Runs `work` while holding the e2e build lock, so servers starting together build once. */
export function withBuildLock(work: () => Promise<void>): Promise<void>;
