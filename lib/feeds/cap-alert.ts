import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import type { Change } from "../domain/change";
import type { Layer } from "../domain/layers";
import type { AssetWithStatus } from "../read-model";
import { capShapesFor } from "./cap-area";
import type { CapMessage } from "./cap-messages";
import type { FeedSite } from "./changes-atom";
import { serialiseXml, XML_DOCUMENT } from "./feed-xml";

export const CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2";
export const CAP_EVENT_CODE_NAME = "snowline";
const DAY_MS = 86_400_000;

type CapAsset = Pick<AssetWithStatus, "id" | "name" | "layer" | "geometry" | "attributes">;

/** CAP times carry an explicit offset and no fraction; UTC is written "-00:00" (CAP 1.2, 3.3.2). */
export function capTime(value: string | number): string {
  return `${new Date(value).toISOString().slice(0, 19)}-00:00`;
}

interface CapEvent {
  event: string;
  code: string;
  category: "Infra" | "Transport" | "Env" | "Other";
}

/** The event and its code for a status: what a CAP consumer filters on. */
export function capEventFor(layer: Layer, code: string): CapEvent {
  switch (layer) {
    case "schools":
      return code === "closed"
        ? { event: "School closure", code: "publicService.schoolClosure", category: "Other" }
        : { event: "School disruption", code: "publicService.schoolDisruption", category: "Other" };
    case "gritting":
      return { event: "Gritting suspended", code: "roadway.hazardousRoadConditions", category: "Transport" };
    case "bins":
      return { event: "Bin collection disruption", code: "publicService.wasteCollectionDisruption", category: "Env" };
  }
}

export function capSender(site: FeedSite): string {
  return `snowline@${new URL(site.links.base).hostname}`;
}

export function capIdentifier(site: FeedSite, seq: number): string {
  return `snowline:${new URL(site.links.base).host}:change:${seq}`;
}

function addInfo(parent: XMLBuilder, message: CapMessage, asset: CapAsset, site: FeedSite): void {
  const { change } = message;
  const cancel = message.msgType === "Cancel";
  // A Cancel says what ended, so it names the event of the disruption it ends.
  const eventOf = cancel ? message.references.at(-1) ?? change : change;
  const event = capEventFor(asset.layer, eventOf.status.code);
  const info = parent.ele("info");
  info.ele("language").txt("en-GB");
  info.ele("category").txt(event.category);
  info.ele("event").txt(event.event);
  info.ele("responseType").txt(cancel ? "AllClear" : "Monitor");
  info.ele("urgency").txt(cancel ? "Past" : "Immediate");
  info.ele("severity").txt(change.status.category === "closed" ? "Moderate" : "Minor");
  info.ele("certainty").txt("Observed");
  info.ele("eventCode").ele("valueName").txt(CAP_EVENT_CODE_NAME).up().ele("value").txt(event.code);
  const sent = Date.parse(change.at);
  info.ele("effective").txt(capTime(change.status.from && Date.parse(change.status.from) > sent ? change.status.from : change.at));
  const until = change.status.until ? Date.parse(change.status.until) : null;
  info.ele("expires").txt(capTime(!cancel && until && until > sent ? until : sent + DAY_MS));
  info.ele("senderName").txt(site.councilName);
  info.ele("headline").txt(cancel ? `${asset.name}: ${eventOf.status.label} has ended` : `${asset.name}: ${change.status.label}`);
  info.ele("description").txt(change.status.message || change.status.label);
  info.ele("web").txt(site.links.asset(asset.id));
  info.ele("parameter").ele("valueName").txt("assetId").up().ele("value").txt(asset.id);
  info.ele("parameter").ele("valueName").txt("statusCode").up().ele("value").txt(change.status.code);
  const area = info.ele("area");
  const ward = asset.attributes.ward;
  area.ele("areaDesc").txt(typeof ward === "string" && ward ? `${asset.name}, ${ward}` : asset.name);
  const shapes = capShapesFor(asset.geometry);
  for (const polygon of shapes.polygons) area.ele("polygon").txt(polygon);
  for (const circle of shapes.circles) area.ele("circle").txt(circle);
}

function alertHeader(site: FeedSite, identifier: string, sent: string, msgType: string): XMLBuilder {
  const alert = create(XML_DOCUMENT).ele(CAP_NS, "alert");
  alert.ele("identifier").txt(identifier);
  alert.ele("sender").txt(capSender(site));
  alert.ele("sent").txt(sent);
  alert.ele("status").txt("Actual");
  alert.ele("msgType").txt(msgType);
  alert.ele("scope").txt("Public");
  return alert;
}

const reference = (site: FeedSite, change: Change) => `${capSender(site)},${capIdentifier(site, change.seq)},${capTime(change.at)}`;

/** One CAP 1.2 alert document for one message of an asset's disruption. */
export function capAlertFor(message: CapMessage, asset: CapAsset, site: FeedSite): XMLBuilder {
  const alert = alertHeader(site, capIdentifier(site, message.change.seq), capTime(message.change.at), message.msgType);
  alert.ele("note").txt(`${site.licence.attribution} ${site.licence.url}`);
  if (message.references.length) alert.ele("references").txt(message.references.map((c) => reference(site, c)).join(" "));
  addInfo(alert, message, asset, site);
  return alert;
}

/** The CAP 1.2 document of one message, as served at /feeds/alerts/{seq}.cap. */
export function capAlertXml(message: CapMessage, asset: CapAsset, site: FeedSite): string {
  return serialiseXml(capAlertFor(message, asset, site));
}

/**
 * Every active disruption in one CAP document (one <info> per asset), for systems that take a single
 * file. Follow the Atom index for the Alert, Update and Cancel messages of each disruption.
 */
export function capSnapshot(options: { site: FeedSite; seq: number; sent: number | null; messages: CapMessage[]; assets: Map<string, CapAsset> }): string {
  const { site } = options;
  const active = options.messages.filter((m) => m.msgType !== "Cancel" && options.assets.has(m.change.assetId));
  const alert = alertHeader(site, `snowline:${new URL(site.links.base).host}:active:${options.seq}`, capTime(options.sent ?? 0), "Alert");
  alert.ele("note").txt(`${active.length} active disruption(s). ${site.licence.attribution} ${site.licence.url}`);
  for (const message of active) addInfo(alert, message, options.assets.get(message.change.assetId)!, site);
  return serialiseXml(alert);
}
