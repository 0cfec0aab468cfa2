"use client";

import { useState } from "react";
import type { SignInLinkResponse } from "@/lib/api/contract/api-schemas";
import { ActionButton } from "./action-button";

/** Issues a fresh one-time sign-in link (a forgotten password, an expired invitation) and shows it once. */
export function NewLinkButton({ userId, email, csrfToken }: { userId: string; email: string; csrfToken: string }) {
  const [link, setLink] = useState<string | null>(null);
  return (
    <span>
      <ActionButton path={`/api/v1/users/${userId}/sign-in-link`} csrfToken={csrfToken} label={`New sign-in link for ${email}`} onDone={(data) => setLink((data as SignInLinkResponse).signInLink)}>
        New sign-in link
      </ActionButton>
      {link ? (
        <span role="status">
          {" "}
          Shown once: <code className="secret">{link}</code>
        </span>
      ) : null}
    </span>
  );
}
