import { createHmac } from "node:crypto";
import type { IncomingMessage } from "./types.js";

/**
 * A learner is never identified by phone number or name: the id is a keyed hash of channel + platform user id.
 * Without the key the id cannot be traced back to the account, and the same person gets a different id per
 * deployment.
 */
export function opaqueLearnerId(secret: string, message: Pick<IncomingMessage, "channel" | "userId">): string {
  return createHmac("sha256", secret).update(`${message.channel}:${message.userId}`).digest("hex").slice(0, 32);
}
