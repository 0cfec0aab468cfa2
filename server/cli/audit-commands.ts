import type { Store } from "../../lib/store/store";

/** The change log's chain is broken: the CLI prints this and exits 1, so a scheduled check can alert. */
export class AuditChainBrokenError extends Error {
  override name = "AuditChainBrokenError";
}

/** `snowline audit verify`: checks every change-log entry's hash and link; names the first broken entry. */
export async function auditVerify(store: Store): Promise<string[]> {
  const report = await store.audit.verifyChain();
  if (report.firstBroken) {
    throw new AuditChainBrokenError(
      `The audit log has been tampered with: change ${report.firstBroken.seq} is the first broken entry (${report.firstBroken.reason}). ` +
        `${report.checked} entries before it are intact.`,
    );
  }
  return [`The audit log is intact: ${report.checked} changes checked, up to seq ${report.headSeq}.`];
}
