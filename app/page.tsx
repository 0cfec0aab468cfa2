import type { Metadata } from "next";
import { shareMetadata } from "@/app/_lib/share-metadata";
import { ResidentBoard } from "@/components/board/resident-board";
import { SiteFooter } from "@/components/site/site-footer";
import { ScriptFlag } from "@/components/site/script-flag";
import { SiteHeader } from "@/components/site/site-header";
import { StaleDataNotice } from "@/components/site/stale-data-notice";
import { parseBoardQuery } from "@/lib/board/board-query-schema";
import { buildListView } from "@/lib/board/list-view";
import { buildStatusIndex, summaryInputs } from "@/lib/board/status-index";
import { summarise } from "@/lib/summary/layer-summary";
import { readBoardData } from "./_data/board-data";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A shared link to the board previews the live situation, not a generic blurb. */
export async function generateMetadata(): Promise<Metadata> {
  const { config, assets } = await readBoardData();
  const title = `Winter service status · ${config.councilName}`;
  const description = summarise(summaryInputs(buildStatusIndex(assets)))
    .map((s) => s.sentence)
    .join(". ");
  return {
    // Absolute share-card URLs and oEmbed discovery, so a pasted link embeds the live map.
    ...(await shareMetadata("/", title)),
    title: { absolute: title },
    description,
    openGraph: { title, description, type: "website", siteName: config.councilName },
    twitter: { card: "summary", title, description },
  };
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseBoardQuery(await searchParams);
  const { config, seq, assets, notices, renderedAt, outageSince } = await readBoardData();
  const data = {
    seq,
    query,
    groups: buildListView(assets, query),
    index: buildStatusIndex(assets),
    notices,
    renderedAt,
  };
  return (
    <>
      <ScriptFlag />
      <SiteHeader config={config} title="Winter service status" />
      <main id="main" className="board" tabIndex={-1}>
        <StaleDataNotice outageSince={outageSince} renderedAt={renderedAt} />
        <ResidentBoard data={data} map={{ tileUrl: config.tileUrl, tileAttribution: config.tileAttribution, boundary: config.boundary }} />
      </main>
      <SiteFooter />
    </>
  );
}
