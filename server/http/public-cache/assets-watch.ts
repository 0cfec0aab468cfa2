/**
 * Imports this node does not hear of (the command-line import, which has no bus to tell; another
 * node's while Redis was away) still renew what the public cache made from the assets: the node
 * reads the assets' stamp every `everyMs` and reports when it moved. One small query a second.
 */
export function watchAssets(options: {
  /** The stamp when the node started, read before it serves anything. */
  initial: string;
  stamp: () => Promise<string>;
  onChange: () => void;
  everyMs: number;
  onError: (error: unknown) => void;
}): { stop(): void } {
  let last = options.initial;
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    options
      .stamp()
      .then((stamp) => {
        if (stamp !== last) options.onChange();
        last = stamp;
      })
      .catch(options.onError)
      .finally(() => (reading = false));
  }, options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
