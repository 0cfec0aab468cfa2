import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("is the socket's peer unless a proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress({ socketAddress: "203.0.113.9", forwardedFor: "198.51.100.1", trustProxy: false })).toBe("203.0.113.9");
    expect(clientAddress({ socketAddress: undefined, forwardedFor: undefined, trustProxy: false })).toBeNull();
  });

  it("behind a trusted proxy, takes the last hop: the one the proxy appended, not the client's own", () => {
    // A client forging "1.1.1.1" still lands in the budget of the address nginx saw.
    expect(clientAddress({ socketAddress: "127.0.0.1", forwardedFor: "1.1.1.1, 198.51.100.7", trustProxy: true })).toBe("198.51.100.7");
    expect(clientAddress({ socketAddress: "127.0.0.1", forwardedFor: "2001:db8::5", trustProxy: true })).toBe("2001:db8::5");
    expect(clientAddress({ socketAddress: "127.0.0.1", forwardedFor: ["1.1.1.1", "198.51.100.8"], trustProxy: true })).toBe("198.51.100.8");
  });

  it("keeps the peer when a trusted proxy sent no usable hop", () => {
    expect(clientAddress({ socketAddress: "127.0.0.1", forwardedFor: undefined, trustProxy: true })).toBe("127.0.0.1");
    expect(clientAddress({ socketAddress: "127.0.0.1", forwardedFor: "198.51.100.7, ", trustProxy: true })).toBe("127.0.0.1");
    expect(clientAddress({ socketAddress: "127.0.0.1", forwardedFor: "not-an-address", trustProxy: true })).toBe("127.0.0.1");
  });
});
