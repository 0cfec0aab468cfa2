import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { ConsoleShell } from "@/components/console/console-shell";
import { LayerConsole } from "@/components/console/layer/layer-console";
import { NotAllowed } from "@/components/console/not-allowed";
import { canChangeAsset, describeScope, mayWorkOnLayer } from "@/lib/domain/access";
import { isLayer, LAYER_LABELS } from "@/lib/domain/layers";
import { requireConsoleSession } from "../../console-session";

type Params = { params: Promise<{ layer: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { layer } = await params;
  return { title: isLayer(layer) ? LAYER_LABELS[layer].plural : "Not found" };
}

export default async function LayerPage({ params }: Params) {
  const { layer } = await params;
  if (!isLayer(layer)) notFound();
  const { session, consoleCtx, app } = await requireConsoleSession(`/console/layers/${layer}`);
  const { access } = session;
  // Read the seq before the assets: a change landing in between is then replayed, never missed.
  const seq = await app.readModel.headSeq();
  const assets = (await app.readModel.listAssets({ layer }))
    .filter((asset) => canChangeAsset(access, asset))
    .map(({ geometry: _geometry, ...summary }) => summary);
  const isAllowed = mayWorkOnLayer(access, layer, assets);
  const labels = LAYER_LABELS[layer];

  return (
    <ConsoleShell
      councilName={app.config.councilName}
      user={session.user}
      access={access}
      settings={consoleCtx.settings}
      csrfToken={session.csrfToken}
      current={layer}
      title={isAllowed ? labels.plural : "You may not change these"}
    >
      {isAllowed ? (
        <LayerConsole
          layer={layer}
          initialSeq={seq}
          assets={assets}
          templates={await consoleCtx.templates(layer)}
          csrfToken={session.csrfToken}
          serverNow={consoleCtx.now()}
        />
      ) : (
        <NotAllowed>Your account may change {describeScope(access)}, not {labels.plural.toLowerCase()}. If you need to, ask an administrator.</NotAllowed>
      )}
    </ConsoleShell>
  );
}
