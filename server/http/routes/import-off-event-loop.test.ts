import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { EVENTS, type ChangesMessage } from "../../../lib/realtime/protocol";
import { startTestServer, type TestServer } from "../../../test/support/test-server";

/** About 19 MB of school rows: under the body limit and the row cap, big enough to take seconds to read and map. */
function bigSchoolsCsv(): Buffer {
  const notes = "Gritted by the caretaker before 7am; the side gate on the lane stays locked on snow days. Bring wellies. ".repeat(2).slice(0, 150);
  const lines = ["URN,name,lat,lon,phase,notes"];
  for (let i = 0; i < 90_000; i++) {
    lines.push(`${800000 + i},Big Test School ${i},${(53.3 + (i % 1000) / 10000).toFixed(5)},${(-2.4 + i / 900000).toFixed(6)},Primary,"${notes}${i}"`);
  }
  return Buffer.from(lines.join("\n"));
}

/**
 * Sends the import with node:http so the test knows when the whole body has been handed over:
 * from then on the server is reading the file, and that is the window this test watches.
 */
function sendImport(t: TestServer, headers: Record<string, string>, body: Buffer, onUploaded: () => void) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${t.url}/api/v1/admin/imports?layer=schools&format=csv`,
      { method: "POST", headers: { ...headers, "content-type": "text/csv", "content-length": String(body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(body, onUploaded);
  });
}

/** One /healthz on a connection of its own: a pooled keep-alive one can be closed by the server as it is reused (ECONNRESET). */
function healthzMs(t: TestServer): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    request(`${t.url}/healthz`, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`healthz answered ${res.statusCode}`))));
    })
      .on("error", reject)
      .end();
  });
}

describe("an import runs off the event loop", () => {
  let t: TestServer;
  afterEach(async () => t?.close());

  it("keeps /healthz answering and live changes arriving while a 19 MB CSV is read in a dry run (the event loop is never blocked by it)", async () => {
    t = await startTestServer();
    const admin = await t.adminHeaders();
    const socket = await t.client();
    const messages: ChangesMessage[] = [];
    socket.on(EVENTS.changes, (m) => messages.push(m));
    const csv = bigSchoolsCsv();

    const baseline: number[] = [];
    for (let i = 0; i < 20; i++) baseline.push(await healthzMs(t));

    let uploadedAt = 0;
    let uploaded!: () => void;
    const isUploaded = new Promise<void>((resolve) => (uploaded = resolve));
    let isImporting = true;
    const importing = sendImport(t, admin, csv, () => {
      uploadedAt = performance.now();
      uploaded();
    }).finally(() => (isImporting = false));
    await isUploaded;

    // While the server reads the file: a change posted now must reach the socket before the import answers.
    let deliveredWhileImporting: boolean | null = null;
    const posted = t.post({ changes: [{ assetId: "school-1", status: { code: "closed", message: "Closed during an import" } }] });
    const delivered = (async () => {
      await expect.poll(() => messages.length, { timeout: 120_000 }).toBeGreaterThan(0);
      deliveredWhileImporting = isImporting;
    })();
    const during: number[] = [];
    while (isImporting) during.push(await healthzMs(t));
    const result = await importing;
    const importMs = performance.now() - uploadedAt;
    await delivered;
    expect((await posted).status).toBe(201);

    const median = [...baseline].sort((a, b) => a - b)[Math.floor(baseline.length / 2)]!;
    const worst = Math.max(...during);
    console.info(
      `healthz while importing ${(csv.length / 1024 / 1024).toFixed(1)} MB: ${during.length} answers, worst ${worst.toFixed(1)} ms ` +
        `(baseline median ${median.toFixed(1)} ms); the server read the file for ${importMs.toFixed(0)} ms`,
    );
    expect(result.status, result.body.slice(0, 300)).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ dryRun: true, applied: false, counts: { read: 90_000, add: 90_000 } });
    expect(deliveredWhileImporting).toBe(true);
    // Blocked, one healthz waits for nearly the whole import; free, each takes a small part of it.
    expect(during.length).toBeGreaterThan(5);
    expect(worst * 5).toBeLessThan(importMs);
  }, 360_000);
});
