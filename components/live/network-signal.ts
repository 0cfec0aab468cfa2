/** Whether the device has a network, as the page sees it; a worker hears it from the page. */
export interface NetworkSignal {
  isOnline(): boolean;
  /** Calls back on every change; returns the unsubscribe. */
  watch(onChange: (online: boolean) => void): () => void;
}

/** The window's own view: navigator.onLine and its online/offline events. */
export const windowNetwork: NetworkSignal = {
  isOnline: () => navigator.onLine,
  watch(onChange) {
    const onOnline = () => onChange(true);
    const onOffline = () => onChange(false);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  },
};
