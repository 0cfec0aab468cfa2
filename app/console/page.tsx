import Link from "next/link";
import { ConsoleShell } from "@/components/console/console-shell";
import { canChangeAsset, mayWorkOnLayer } from "@/lib/domain/access";
import { LAYERS, LAYER_LABELS } from "@/lib/domain/layers";
import { summarise } from "@/lib/summary/layer-summary";
import { requireConsoleSession } from "./console-session";

export default async function ConsoleOverviewPage() {
  const { session, consoleCtx, app } = await requireConsoleSession("/console");
  const { access } = session;
  const assets = (await app.readModel.listAssets()).filter((asset) => canChangeAsset(access, asset));
  const summaries = summarise(assets);
  const layers = LAYERS.filter((layer) => mayWorkOnLayer(access, layer, assets));

  return (
    <ConsoleShell
      councilName={app.config.councilName}
      user={session.user}
      access={access}
      settings={consoleCtx.settings}
      csrfToken={session.csrfToken}
      current="overview"
      title="Overview"
    >
      <p className="lede">Choose what to update. Changes reach the public page within a second.</p>
      {layers.length ? (
        <ul className="overview-grid">
          {layers.map((layer) => {
            const summary = summaries.find((s) => s.layer === layer);
            return (
              <li key={layer}>
                <h2>
                  <Link href={`/console/layers/${layer}`}>{LAYER_LABELS[layer].plural}</Link>
                </h2>
                <p>{summary ? `${summary.total} you may change. ${summary.sentence}.` : "None yet."}</p>
                {access.assets !== null ? (
                  <ul>
                    {assets
                      .filter((a) => a.layer === layer)
                      .map((a) => (
                        <li key={a.id}>
                          {a.name}: {a.status.label}
                        </li>
                      ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>Your account may not change any assets yet. Ask an administrator.</p>
      )}
    </ConsoleShell>
  );
}
