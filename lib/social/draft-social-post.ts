import type { Change } from "../domain/change";
import { siteLinks } from "../feeds/site-links";
import { statusHeadline } from "./status-headline";

export const SOCIAL_POST_MAX_LENGTH = 280;

// Posts are plain text on one line: officer line breaks and runs of spaces become one space.
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
const length = (text: string) => [...text].length;

function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join("").trimEnd()}…`;
}

/**
 * A ready-to-copy post for a published change: "St Anne's Primary: Closed today. Snow on the
 * site. https://…/assets/school-001". At most 280 characters (counted as characters, URL in full),
 * plain text; the officer's message is shortened first, then the name, never the link.
 */
export function draftSocialPost(
  change: Pick<Change, "assetId" | "kind" | "status" | "at">,
  asset: { name: string },
  baseUrl: string,
): string {
  const url = siteLinks(baseUrl).asset(change.assetId);
  const { label, when } = statusHeadline(change.status, Date.parse(change.at));
  const again = change.kind === "expire" ? " again" : "";
  const headline = `${label}${again}${when ? ` ${when}` : ""}.`;
  const name = oneLine(asset.name);
  const message = change.kind === "schedule" ? oneLine(change.status.upcoming?.message ?? "") : oneLine(change.status.message);

  const fixed = length(`: ${headline} `) + length(url);
  const nameRoom = Math.max(10, SOCIAL_POST_MAX_LENGTH - fixed);
  const shortName = truncate(name, nameRoom);
  const messageRoom = SOCIAL_POST_MAX_LENGTH - fixed - length(shortName) - 1;
  const body = message && messageRoom > 10 ? ` ${truncate(message, messageRoom)}` : "";
  return truncate(`${shortName}: ${headline}${body} ${url}`, SOCIAL_POST_MAX_LENGTH);
}
