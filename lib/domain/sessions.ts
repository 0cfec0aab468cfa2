/** A console session as stored: the cookie's token is never kept, only its hash. Times are epoch ms. */
export interface SessionRecord {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export interface NewSession {
  userId: string;
  now: number;
  expiresAt: number;
  ip: string | null;
  userAgent: string | null;
}
