import type { Metadata } from "next";
import { connection } from "next/server";
import { shareMetadata } from "@/app/_lib/share-metadata";
import { LiveStatusBoard } from "@/components/board/live-status-board";
import { getAppContext } from "@/lib/app-context";

// oEmbed discovery and absolute share-card URLs (issue 5).
export async function generateMetadata(): Promise<Metadata> {
  return shareMetadata("/", "Live winter service status");
}

export default async function HomePage() {
  await connection();
  const { readModel, config } = getAppContext();
  const seq = await readModel.headSeq();
  const assets = (await readModel.listAssets()).map(({ geometry: _geometry, ...summary }) => summary);

  return (
    <>
      <header className="site-header">
        <p className="site-header__council">{config.councilName}</p>
        <h1>Winter service status</h1>
        {config.isDemo ? <p className="demo-banner">Demo data: these places and statuses are made up.</p> : null}
      </header>
      <main id="main">
        <LiveStatusBoard initialSeq={seq} assets={assets} tileUrl={config.tileUrl} tileAttribution={config.tileAttribution} />
      </main>
    </>
  );
}
