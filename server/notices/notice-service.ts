import type { Actor } from "../../lib/domain/change";
import type { Clock } from "../../lib/domain/clock";
import type { NoticeInput } from "../../lib/domain/notices";
import type { Notice } from "../../lib/domain/notices";
import type { Store } from "../../lib/store/store";
import type { Bus } from "../bus/bus";
import type { Logger } from "../logger";

export interface NoticeService {
  create(input: NoticeInput, actor: Actor, ip: string | null): Promise<Notice>;
  end(id: string, actor: Actor, ip?: string | null): Promise<Notice>;
}

/** Stores a notice change, then tells every node to send the current notices to its clients. */
export function createNoticeService(deps: {
  store: Store;
  bus: Bus;
  clock: Clock;
  logger: Logger;
  /** Runs on this node before the write answers, so its own cached pages are new at once. */
  onChanged?: () => void;
}): NoticeService {
  const announce = async () => {
    deps.onChanged?.();
    try {
      await deps.bus.publish({ type: "notices" });
    } catch (error) {
      deps.logger.error({ err: error }, "could not publish a notice change");
    }
  };
  return {
    async create(input, actor, ip) {
      const notice = await deps.store.notices.create(input, { actor, ip, now: deps.clock.now() });
      deps.logger.info({ notice: notice.id, level: notice.level, actor: actor.name }, "notice created");
      await announce();
      return notice;
    },
    async end(id, actor, ip = null) {
      const notice = await deps.store.notices.end(id, { actor, now: deps.clock.now(), ip });
      deps.logger.info({ notice: notice.id, actor: actor.name }, "notice ended");
      await announce();
      return notice;
    },
  };
}
