import { afterEach, describe, expect, it, vi } from "vitest";
import { retryAfterServerDisconnect, retryDelayMs, SERVER_DISCONNECT_REASON } from "./server-disconnect-retry";

describe("retryAfterServerDisconnect", () => {
  afterEach(() => void vi.useRealTimers());

  it("reconnects after the server ends the session (a stopping node), which socket.io-client never does by itself", () => {
    vi.useFakeTimers();
    let connected = false;
    const connect = vi.fn(() => void (connected = false));
    const retry = retryAfterServerDisconnect({ connect, isConnected: () => connected, random: () => 0.5 });
    retry.onDisconnect(SERVER_DISCONNECT_REASON);
    vi.advanceTimersByTime(999);
    expect(connect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(connect).toHaveBeenCalledTimes(1);
    // Still refused: the next try waits twice as long.
    retry.onDisconnect(SERVER_DISCONNECT_REASON);
    vi.advanceTimersByTime(1999);
    expect(connect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it("leaves a disconnect the page asked for alone", () => {
    vi.useFakeTimers();
    const connect = vi.fn();
    const retry = retryAfterServerDisconnect({ connect, isConnected: () => false });
    retry.onDisconnect("io client disconnect");
    vi.runAllTimers();
    expect(connect).not.toHaveBeenCalled();
  });

  it("spreads the delays so a stopping node's clients do not all arrive at once", () => {
    expect(retryDelayMs(0, () => 0)).toBe(500);
    expect(retryDelayMs(0, () => 0.999)).toBe(1499);
    expect(retryDelayMs(20, () => 0.5)).toBe(30_000);
  });
});
