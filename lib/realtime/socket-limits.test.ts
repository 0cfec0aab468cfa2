import { describe, expect, it } from "vitest";
import { ManualClock } from "../domain/clock";
import { DEFAULT_SOCKET_LIMITS, SocketGate, type SocketLimits } from "./socket-limits";

const limits: SocketLimits = {
  ...DEFAULT_SOCKET_LIMITS,
  perSocket: { burst: 2, perSecond: 1 },
  perAddress: { burst: 3, perSecond: 1 },
  refusalsBeforeDisconnect: 3,
  maxConnectionsPerAddress: 2,
  maxConnections: 3,
};

describe("SocketGate", () => {
  it("refuses events past a socket's budget and disconnects a socket that keeps going", () => {
    const clock = new ManualClock(0);
    const { budget } = new SocketGate(limits, clock).open("10.0.0.1");
    expect([budget.spend(), budget.spend(), budget.spend(), budget.spend(), budget.spend()]).toEqual([
      "accept",
      "accept",
      "refuse",
      "refuse",
      "disconnect",
    ]);
  });

  it("forgives a socket that slows down", () => {
    const clock = new ManualClock(0);
    const { budget } = new SocketGate(limits, clock).open("10.0.0.1");
    for (let i = 0; i < 10; i += 1) {
      budget.spend();
      budget.spend();
      expect(budget.spend()).toBe("refuse");
      clock.advance(2_000);
    }
  });

  it("shares one budget between the sockets of an address", () => {
    const clock = new ManualClock(0);
    const gate = new SocketGate(limits, clock);
    const a = gate.open("10.0.0.1").budget;
    const b = gate.open("10.0.0.1").budget;
    const other = gate.open("10.0.0.2").budget;
    expect([a.spend(), a.spend(), b.spend(), b.spend()]).toEqual(["accept", "accept", "accept", "refuse"]);
    expect(other.spend()).toBe("accept");
  });

  it("caps connections per address and in total, and counts closed ones out once", () => {
    const gate = new SocketGate(limits, new ManualClock(0));
    const first = gate.open("10.0.0.1");
    gate.open("10.0.0.1");
    expect(gate.refuseConnection("10.0.0.1")).toBe("too_many_connections_from_address");
    expect(gate.refuseConnection("10.0.0.2")).toBeNull();
    gate.open("10.0.0.2");
    expect(gate.refuseConnection("10.0.0.3")).toBe("too_many_connections");
    first.close();
    first.close();
    expect(gate.openConnections).toBe(2);
    expect(gate.refuseConnection("10.0.0.1")).toBeNull();
  });
});
