import type { Hono } from "hono";
import { NotFoundError } from "../../../lib/domain/errors";
import { parseInput } from "../../../lib/domain/validation";
import { oembedQuerySchema, oembedResponse, oembedTargetPath, type OembedTarget } from "../../../lib/embed/oembed";
import type { HttpDeps } from "../context";
import { httpError } from "../errors";
import { baseUrlOf, conditionalGet } from "../public-get";

/** oEmbed for the map and asset pages, so a CMS turns a pasted link into the live widget. */
export function oembedRoutes(app: Hono, deps: HttpDeps): void {
  app.get("/oembed", conditionalGet(deps), async (c) => {
    const query = parseInput(oembedQuerySchema, c.req.query(), "Invalid oEmbed request");
    // The oEmbed spec asks for 501 when the format is one we do not offer.
    if (query.format !== "json") return httpError(c, 501, "Only format=json is offered");
    const base = baseUrlOf(c, deps);
    const page = new URL(query.url);
    const target = page.origin === new URL(base).origin ? oembedTargetPath(page) : null;
    if (!target) throw new NotFoundError("That URL is not a Snowline map or asset page on this site");

    let embed: OembedTarget;
    if (target.kind === "asset") {
      const asset = await deps.store.getAsset(target.id);
      if (!asset) throw new NotFoundError(`No asset has the id ${target.id}`);
      embed = { title: `${asset.name}: ${asset.status.label}`, params: { ids: [asset.id], view: "list" }, height: 180 };
    } else {
      embed = { title: `${deps.config.councilName}: live winter service status`, params: { view: "summary" }, height: 260 };
    }
    return c.json(oembedResponse({ baseUrl: base, providerName: deps.config.councilName, target: embed, maxwidth: query.maxwidth, maxheight: query.maxheight }));
  });
}
