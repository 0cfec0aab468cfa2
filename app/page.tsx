import { connection } from "next/server";
import { LiveStatusBoard } from "@/components/board/live-status-board";
import { getAppContext } from "@/lib/app-context";

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
