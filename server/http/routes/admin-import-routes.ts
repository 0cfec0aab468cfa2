import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { publicRoutes } from "../../../lib/api/contract/public-routes";
import { exportAssets, exportOptionsSchema } from "../../../lib/export/export-assets";
import { formatFromFileName, importOptionsSchema, type ImportFormat, type ImportOptions } from "../../../lib/import/import-options";
import type { ImportSource } from "../../../lib/import/read-source";
import { ValidationError } from "../../../lib/domain/errors";
import { parseInput } from "../../../lib/domain/validation";
import { sessionOf, type ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import { runImportInWorker } from "../../import/run-import-in-worker";
import type { HttpDeps } from "../context";
import { httpError } from "../errors";

export const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

const FORMAT_BY_CONTENT_TYPE: [RegExp, ImportFormat][] = [
  [/^application\/(geo\+)?json\b/i, "geojson"],
  [/^text\/csv\b/i, "csv"],
  [/^application\/vnd\.google-earth\.kml\+xml\b/i, "kml"],
];

const formatError = (message: string) => new ValidationError([{ path: "format", message }], message);

/**
 * Admin-only asset management: import a layer's assets (dry run by default) and export them with
 * their current statuses. Only callers with the importAssets permission get here.
 */
export function adminImportRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  bindRoute(
    api,
    deps,
    publicRoutes.importAssets,
    bodyLimit({
      maxSize: IMPORT_BODY_LIMIT_BYTES,
      onError: (c) => httpError(c, 413, `The file is larger than ${IMPORT_BODY_LIMIT_BYTES / 1024 / 1024} MB`),
    }),
    async (c) => {
      const actor = sessionOf(c).access.actor;
      const { source, fields } = await readUpload(c);
      const options = parseInput(importOptionsSchema, { ...fields, ...c.req.query() }, "The import options are invalid; nothing was stored");
      const { reportJson, summary } = await runImportInWorker(deps.store, await toSource(source, options), options, deps.clock.now());
      if (summary.applied) {
        deps.logger.info({ actor, layer: summary.layer, format: summary.format, counts: summary.counts }, "assets imported");
        deps.announceAssetsChanged();
      }
      return c.body(reportJson, 200, { "content-type": "application/json" });
    },
  );

  bindRoute(api, deps, publicRoutes.exportAssets, async (c) => {
    const options = parseInput(exportOptionsSchema, c.req.query(), "Invalid export options");
    const file = exportAssets(await deps.store.listAssets({ layer: options.layer }), options);
    return c.body(file.body, 200, {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
    });
  });
}

type Upload = { files: File[] } | { bytes: Uint8Array; contentType: string };

/** Multipart (one file, or a shapefile's .shp/.dbf/.prj/.cpg; text fields are options) or the file as the raw body. */
async function readUpload(c: Context): Promise<{ source: Upload; fields: Record<string, string> }> {
  const contentType = c.req.header("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    return { source: { bytes: new Uint8Array(await c.req.arrayBuffer()), contentType }, fields: {} };
  }
  const body = await c.req.parseBody({ all: true });
  const files: File[] = [];
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "string") fields[key] = item;
      else files.push(item);
    }
  }
  return { source: { files }, fields };
}

async function toSource(upload: Upload, options: ImportOptions): Promise<ImportSource> {
  if ("bytes" in upload) {
    const format = options.format ?? FORMAT_BY_CONTENT_TYPE.find(([pattern]) => pattern.test(upload.contentType))?.[1];
    if (!format) throw formatError("Say which format the body is in: format=geojson|csv|kml, or a matching Content-Type");
    if (format === "shapefile") throw formatError("Send a shapefile as multipart/form-data with its .shp, .dbf and .prj files");
    if (!upload.bytes.length) throw new ValidationError([{ path: "file", message: "The body is empty" }], "The body is empty");
    return { format, bytes: upload.bytes };
  }
  const { files } = upload;
  const byExtension = (extension: string) => files.find((f) => f.name.toLowerCase().endsWith(extension));
  const shp = byExtension(".shp");
  const format = options.format ?? (shp ? "shapefile" : files.length === 1 ? formatFromFileName(files[0]!.name) : null);
  if (!files.length) throw new ValidationError([{ path: "file", message: "Attach the file to import" }], "No file was attached");
  if (!format) throw formatError("Say which format the file is in (format=geojson|csv|kml|shapefile) or give it a matching extension");
  const bytes = async (file: File | undefined) => (file ? new Uint8Array(await file.arrayBuffer()) : null);
  if (format === "shapefile") {
    if (!shp) throw new ValidationError([{ path: "file", message: "A shapefile needs its .shp file" }], "A shapefile needs its .shp file");
    const text = async (file: File | undefined) => (file ? await file.text() : null);
    return { format, parts: { shp: (await bytes(shp))!, dbf: await bytes(byExtension(".dbf")), prj: await text(byExtension(".prj")), cpg: await text(byExtension(".cpg")) } };
  }
  if (files.length > 1) throw new ValidationError([{ path: "file", message: "Attach one file" }], "Attach one file (or a shapefile's parts)");
  return { format, bytes: (await bytes(files[0]))! };
}
