import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CAP_XSD = fileURLToPath(new URL("../fixtures/cap/CAP-v1.2.xsd", import.meta.url));

/** Validates a document with libxml2's xmllint (Debian: libxml2-utils) against an XSD; returns its complaints. */
export function validateWithXsd(xml: string, xsd: string): { valid: boolean; output: string } {
  const result = spawnSync("xmllint", ["--noout", "--nonet", "--schema", xsd, "-"], { input: xml, encoding: "utf8" });
  if (result.error) throw new Error(`xmllint could not run (apt-get install -y libxml2-utils): ${result.error.message}`);
  return { valid: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/**
 * Checks that documents are well-formed XML 1.0 with xmllint, which (unlike xmldom) refuses the
 * characters XML forbids and `]]>` in content. One xmllint for all of them; throws with its complaint.
 */
export function assertWellFormedXml(...documents: string[]): void {
  const dir = mkdtempSync(join(tmpdir(), "snowline-xml-"));
  try {
    const files = documents.map((xml, i) => {
      const file = join(dir, `${i}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    const result = spawnSync("xmllint", ["--noout", "--nonet", ...files], { encoding: "utf8" });
    if (result.error) throw new Error(`xmllint could not run (apt-get install -y libxml2-utils): ${result.error.message}`);
    if (result.status !== 0) throw new Error(`Not well-formed XML: ${result.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
