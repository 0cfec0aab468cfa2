import type { Metadata } from "next";
import { connection } from "next/server";
import { EmbedBuilder } from "@/components/embed-builder/embed-builder";
import { siteBaseUrl } from "@/app/_lib/share-metadata";
import { getAppContext } from "@/lib/app-context";
import { areaOf } from "@/lib/embed/select-assets";

export const metadata: Metadata = { title: "Embed the live status on your site" };

/** For journalists and community sites: choose, preview and copy the widget. */
export default async function EmbedBuilderPage() {
  await connection();
  const { readModel, config } = getAppContext();
  const baseUrl = await siteBaseUrl();
  const assets = (await readModel.listAssets()).map((a) => ({ id: a.id, layer: a.layer, name: a.name, area: areaOf(a) }));
  return (
    <>
      <header className="site-header">
        <p className="site-header__council">{config.councilName}</p>
        <h1>Embed the live status on your site</h1>
      </header>
      <main id="main">
        <p>
          Choose what to show, check the live preview, then copy the code into your page or live blog. The widget updates itself
          within seconds of every change. More for developers on the <a href="/developers">open data page</a>.
        </p>
        <EmbedBuilder baseUrl={baseUrl} assets={assets} />
      </main>
    </>
  );
}
