import type { Metadata } from "next";
import { ExportLinks } from "@/components/console/assets/export-links";
import { ImportForm } from "@/components/console/assets/import-form";
import { ConsoleShell } from "@/components/console/console-shell";
import { NotAllowed } from "@/components/console/not-allowed";
import { canManageAssets } from "@/lib/domain/access";
import { LAYERS, type Layer } from "@/lib/domain/layers";
import { requireConsoleSession } from "../console-session";

export const metadata: Metadata = { title: "Assets: import and export" };

export default async function AssetsPage() {
  const { session, consoleCtx, app } = await requireConsoleSession("/console/assets");
  const isAllowed = canManageAssets(session.access);
  const counts = Object.fromEntries(LAYERS.map((layer) => [layer, 0])) as Record<Layer, number>;
  if (isAllowed) for (const asset of await app.readModel.listAssets()) counts[asset.layer] += 1;

  return (
    <ConsoleShell councilName={app.config.councilName} user={session.user} access={session.access} settings={consoleCtx.settings} csrfToken={session.csrfToken} current="assets" title="Assets: import and export">
      {!isAllowed ? (
        <NotAllowed>Only administrators import and export assets.</NotAllowed>
      ) : (
        <>
          <p className="lede">Load schools, gritting routes and bin rounds from the council&rsquo;s own files, and download them with their statuses.</p>
          <ImportForm csrfToken={session.csrfToken} />
          <ExportLinks counts={counts} />
        </>
      )}
    </ConsoleShell>
  );
}
