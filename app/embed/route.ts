import { NextResponse, type NextRequest } from "next/server";
import { renderEmbedError, renderEmbedPage } from "@/components/embed/render-embed-page";
import { toEmbedStatus, type EmbedState } from "@/components/embed/embed-state";
import { PUBLIC_CACHE_CONTROL as CACHE_CONTROL } from "@/lib/api/http-cache";
import { getAppContext } from "@/lib/app-context";
import { renderMinute } from "@/lib/domain/clock";
import { publicBaseUrl } from "@/lib/public-config";
import { fieldErrorsOf } from "@/lib/domain/validation";
import { embedParamsSchema } from "@/lib/embed/embed-params";
import { embedTitle } from "@/lib/embed/embed-title";
import { assetsInScope, layersOf } from "@/lib/embed/select-assets";
import { embedManifest } from "./embed-assets";

const HTML = "text/html; charset=utf-8";

/**
 * The embeddable widget, rendered here without Next's client runtime so that the summary and
 * list views stay far under 60 KB of script: a route handler returns plain server-rendered HTML
 * and one small hydration script (built by scripts/build-embed.mjs).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const { readModel, config } = getAppContext();
  const parsed = embedParamsSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    return new NextResponse(renderEmbedError("These widget settings are invalid", fieldErrorsOf(parsed.error)), {
      status: 400,
      headers: { "Content-Type": HTML },
    });
  }
  const params = parsed.data;
  const seq = await readModel.headSeq();
  const layers = layersOf(params);
  const assets = (await Promise.all(layers.map((layer) => readModel.listAssets({ layer })))).flat();
  const inScope = assetsInScope(assets, params);
  const base = publicBaseUrl(config);
  const isSummary = params.view === "summary";

  const state: EmbedState = {
    seq,
    params: { view: params.view, theme: params.theme, only: params.only, limit: params.limit },
    layers,
    title: embedTitle(layers, params, inScope),
    mapUrl: `${base}/`,
    updatedAt: new Date(renderMinute(Date.now())).toISOString(),
    licence: { name: config.dataLicence.name, url: config.dataLicence.url },
    // The summary only counts, so it leaves names and messages out of the page.
    assets: inScope.map((a) => {
      const status = toEmbedStatus(a.status);
      return { id: a.id, layer: a.layer, name: isSummary ? "" : a.name, status: isSummary ? { ...status, message: "" } : status };
    }),
    ...(params.view === "map" ? { tiles: { url: config.tileUrl, attribution: config.tileAttribution } } : {}),
  };
  const manifest = embedManifest();
  const scripts =
    params.view === "map"
      ? { js: `/embed-assets/${manifest["widget-map.js"]}`, css: `/embed-assets/${manifest["widget-map.css"]}` }
      : { js: `/embed-assets/${manifest["widget.js"]}` };
  return new NextResponse(renderEmbedPage(state, scripts), { headers: { "Content-Type": HTML, "Cache-Control": CACHE_CONTROL } });
}
