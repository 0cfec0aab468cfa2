import type { ImportReport } from "../../lib/import/import-report";

const SHOWN = 20;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The import report as text for a terminal: the counts, then samples of each list and every rejection (up to a limit). */
export function reportLines(report: ImportReport): string[] {
  const { counts } = report;
  const lines = [
    `${report.applied ? "Imported" : report.dryRun ? "Dry run (nothing stored)" : "Not imported"}: ${report.layer} from ${report.format}`,
    `  read ${plural(counts.read, report.rowKind)}; coordinates: ${report.crs}`,
    `  id from ${report.idField ?? "a hash of geometry and name"}; name from ${report.nameField ?? "(none: layer name and id)"}`,
    `  ${plural(counts.assets, "asset")}: ${counts.add} to add, ${counts.update} to update, ${counts.unchanged} unchanged; ${plural(counts.rejected, report.rowKind)} rejected`,
  ];
  for (const action of ["add", "update"] as const) {
    const assets = report.assets.filter((a) => a.action === action);
    if (!assets.length) continue;
    lines.push("", `${action === "add" ? "Added" : "Updated"}${report.applied ? "" : " (would be)"}:`);
    for (const asset of assets.slice(0, SHOWN)) {
      const rows = asset.rows.length > 1 ? `${report.rowKind}s ${asset.rows[0]}…${asset.rows.at(-1)} (${asset.rows.length})` : `${report.rowKind} ${asset.rows[0]}`;
      lines.push(`  ${asset.id}  ${asset.name}  [${rows}]`);
    }
    if (assets.length > SHOWN) lines.push(`  … and ${assets.length - SHOWN} more`);
  }
  if (report.rejected.length) {
    lines.push("", "Rejected:");
    for (const r of report.rejected.slice(0, SHOWN * 5)) lines.push(`  ${report.rowKind} ${r.row}, ${r.field}: ${r.message}`);
    if (report.rejected.length > SHOWN * 5) lines.push(`  … and ${report.rejected.length - SHOWN * 5} more`);
  }
  if (report.warnings.length) lines.push("", "Warnings:", ...report.warnings.map((w) => `  ${w}`));
  return lines;
}
