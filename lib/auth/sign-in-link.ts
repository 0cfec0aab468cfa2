/** How long a one-time sign-in link works: long enough to cover a weekend. */
export const SIGN_IN_LINK_TTL_MS = 48 * 3_600_000;

export const SIGN_IN_LINK_PATH = "/sign-in/link";

/**
 * The link a new user opens to set their password. The token travels in the fragment, which
 * browsers never send to servers, so it stays out of access logs and Referer headers.
 */
export function signInLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${SIGN_IN_LINK_PATH}#token=${encodeURIComponent(token)}`;
}
