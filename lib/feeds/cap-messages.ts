import type { Change } from "../domain/change";

export type CapMsgType = "Alert" | "Update" | "Cancel";

/** One CAP message: a change that started, altered or ended an asset's disruption. */
export interface CapMessage {
  msgType: CapMsgType;
  change: Change;
  /** The earlier messages of the same disruption, oldest first (CAP `references`). */
  references: Change[];
}

const isDisrupted = (change: Change) => change.status.category !== "ok";

/**
 * Follows one asset's public change log (oldest first) and says which changes become CAP messages:
 * a disruption starting is an Alert, a change while it lasts an Update, its end a Cancel that
 * references every earlier message of that disruption.
 */
export function capMessagesFor(changes: readonly Change[]): CapMessage[] {
  const messages: CapMessage[] = [];
  let episode: Change[] = [];
  for (const change of changes) {
    if (isDisrupted(change)) {
      messages.push({ msgType: episode.length ? "Update" : "Alert", change, references: [...episode] });
      episode.push(change);
    } else if (episode.length) {
      messages.push({ msgType: "Cancel", change, references: [...episode] });
      episode = [];
    }
  }
  return messages;
}

/**
 * What the feed offers now: for every asset still disrupted, its latest message; for every
 * disruption that ended at or after `cancelsSince`, its Cancel. Newest first.
 */
export function currentCapMessages(changesByAsset: Map<string, Change[]>, cancelsSince: number): CapMessage[] {
  const current: CapMessage[] = [];
  for (const changes of changesByAsset.values()) {
    const messages = capMessagesFor(changes);
    const last = messages.at(-1);
    if (last && last.msgType !== "Cancel") current.push(last);
    for (const message of messages) {
      if (message.msgType === "Cancel" && Date.parse(message.change.at) >= cancelsSince) current.push(message);
    }
  }
  return current.sort((a, b) => b.change.seq - a.change.seq);
}
