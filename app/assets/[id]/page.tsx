import type { Metadata } from "next";
import { shareMetadata } from "@/app/_lib/share-metadata";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveAssetStatus } from "@/components/asset/live-asset-status";
import { SiteFooter } from "@/components/site/site-footer";
import { ScriptFlag } from "@/components/site/script-flag";
import { SiteHeader } from "@/components/site/site-header";
import { StaleDataNotice } from "@/components/site/stale-data-notice";
import { formatDateTime } from "@/components/status/format-time";
import { describeAsset } from "@/lib/board/asset-detail";
import type { Change } from "@/lib/domain/change";
import { LAYER_LABELS } from "@/lib/domain/layers";
import { readAsset } from "../../_data/board-data";

type Params = Promise<{ id: string }>;

/**
 * Share cards say the live status ("Oak Primary: Closed") and the officer's message. The
 * opengraph-image beside this page (when present) adds the picture; Next links it itself.
 */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const { asset, config } = await readAsset(id);
  if (!asset) return { title: "Not found", robots: { index: false } };
  const title = `${asset.name}: ${asset.status.label}`;
  const updated = `Updated ${formatDateTime(asset.status.setAt)}.`;
  const description = [asset.status.message.trim(), updated].filter(Boolean).join(" ");
  const url = `/assets/${encodeURIComponent(asset.id)}`;
  const share = await shareMetadata(url, asset.name);
  return {
    ...share,
    title,
    description,
    alternates: { ...share.alternates, canonical: url },
    openGraph: { title, description, type: "website", url, siteName: config.councilName },
    twitter: { card: "summary", title, description },
  };
}

const KIND_NOTES: Record<Change["kind"], string> = {
  set: "",
  schedule: "Scheduled",
  activate: "Started as scheduled",
  expire: "Ended as planned",
  undo: "Undone",
};

function HistoryEntry({ change }: { change: Change }) {
  const note = KIND_NOTES[change.kind];
  const upcoming = change.kind === "schedule" ? change.status.upcoming : null;
  const shown = upcoming ?? change.status;
  return (
    <li className="history__entry">
      <time dateTime={change.at}>{formatDateTime(change.at)}</time>
      <p className={`status-badge status-badge--${shown.category}`}>
        {note ? `${note}: ` : ""}
        {shown.label}
        {upcoming?.from ? ` from ${formatDateTime(upcoming.from)}` : ""}
      </p>
      {shown.message ? <p className="status-message">{shown.message}</p> : null}
    </li>
  );
}

export default async function AssetPage({ params }: { params: Params }) {
  const { id } = await params;
  const { asset, seq, history, config, outageSince, renderedAt } = await readAsset(id);
  if (!asset) notFound();
  const { geometry: _geometry, ...summary } = asset;
  const detail = describeAsset(asset.layer, asset.attributes);
  return (
    <>
      <ScriptFlag />
      <SiteHeader config={config} title="Winter service status" titleIsHeading={false} />
      <main id="main" className="asset-page" tabIndex={-1}>
        <StaleDataNotice outageSince={outageSince} renderedAt={renderedAt} />
        <p className="back-link">
          <Link href={`/?asset=${encodeURIComponent(asset.id)}`}>← All statuses and the map</Link>
        </p>
        <h1>{asset.name}</h1>
        <p className="asset-page__kind">{[LAYER_LABELS[asset.layer].singular, detail].filter(Boolean).join(" · ")}</p>
        <LiveAssetStatus initialSeq={seq} asset={summary} />
        <section aria-labelledby="history-heading" className="history">
          <h2 id="history-heading">Recent changes</h2>
          {history.length ? (
            <ol className="history__list">
              {history.map((change) => (
                <HistoryEntry key={change.seq} change={change} />
              ))}
            </ol>
          ) : (
            <p>No changes yet: {LAYER_LABELS[asset.layer].singular.toLowerCase()} services are running as normal.</p>
          )}
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
