import { describe, expect, it } from "vitest";
import { internalAddressReason } from "./internal-address";
import { isAllowedHost, parseAllowedHosts, webhookUrlRefusal } from "./webhook-target";

describe("internal addresses a webhook may not reach", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.255.1.2", "a loopback address"],
    ["0.0.0.0", "an unspecified address"],
    ["10.20.30.40", "a private address"],
    ["172.31.255.255", "a private address"],
    ["192.168.0.1", "a private address"],
    ["169.254.169.254", "a link-local address"],
    ["100.64.0.1", "a shared (CGNAT) address"],
    ["100.127.255.254", "a shared (CGNAT) address"],
    ["224.0.0.251", "a multicast address"],
    ["255.255.255.255", "a reserved address"],
    ["::", "an unspecified address"],
    ["::1", "a loopback address"],
    ["[::1]", "a loopback address"],
    ["fe80::1", "a link-local address"],
    ["fe80::1%eth0", "a link-local address"],
    ["fc00::1", "a unique-local address"],
    ["fd12:3456:789a::1", "a unique-local address"],
    ["ff02::1", "a multicast address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:7f00:1", "a loopback address"],
    ["::ffff:a9fe:a9fe", "a link-local address"],
    ["0:0:0:0:0:ffff:10.0.0.1", "a private address"],
    ["::127.0.0.1", "a loopback address"],
    ["64:ff9b::a9fe:a9fe", "a link-local address"],
    ["2002:c0a8:0101::1", "a private address"],
    ["2001:db8::1", "a documentation address"],
    ["3fff::1", null],
    ["4000::1", "a reserved address"],
  ])("%s is %s", (address, reason) => {
    expect(internalAddressReason(address)).toBe(reason);
  });

  it.each(["8.8.8.8", "93.184.216.34", "100.128.0.1", "172.32.0.1", "2606:4700:4700::1111", "2a00:1450:4009:81f::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "%s is public",
    (address) => {
      expect(internalAddressReason(address)).toBeNull();
    },
  );
});

describe("webhook URL checks before DNS", () => {
  it.each([
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://0x7f.0.0.1/",
    "http://0x7f000001/",
    "http://127.1/",
    "http://0/",
    "http://[::ffff:127.0.0.1]/",
    "http://[0:0:0:0:0:ffff:a9fe:a9fe]/latest/meta-data/",
  ])("refuses %s, an internal address however it is written", (url) => {
    expect(webhookUrlRefusal(url, new Set())).toMatch(/is an? .* address: webhooks may only reach the public internet/);
  });

  it("refuses credentials in the address", () => {
    expect(webhookUrlRefusal("https://user:pass@hooks.example.org/x", new Set())).toBe("url must not contain a user name or password");
  });

  it("lets an administrator allow an internal host, however it is written in the setting", () => {
    const allowed = parseAllowedHosts(" 2130706433 , Hooks.Internal., [::1]")!;
    expect([...allowed]).toEqual(["127.0.0.1", "hooks.internal", "::1"]);
    expect(webhookUrlRefusal("http://127.0.0.1:8080/x", allowed)).toBeNull();
    expect(webhookUrlRefusal("http://[::1]/x", allowed)).toBeNull();
    expect(isAllowedHost("hooks.internal", allowed)).toBe(true);
    expect(isAllowedHost("::1", allowed)).toBe(true);
    expect(webhookUrlRefusal("http://127.0.0.2/x", allowed)).toMatch(/loopback/);
    expect(parseAllowedHosts("hooks.internal:8080")).toBeNull();
    expect(parseAllowedHosts("")!.size).toBe(0);
  });
});
