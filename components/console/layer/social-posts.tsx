"use client";

import { useState } from "react";
import type { SocialPost } from "@/lib/api/contract/api-schemas";

/** Drafted posts for the council's social media accounts, ready to copy after a change is published. */
export function SocialPosts({ posts, nameOf }: { posts: SocialPost[]; nameOf(assetId: string): string }) {
  const [copied, setCopied] = useState<number | null>(null);
  if (!posts.length) return null;
  return (
    <section className="social-posts" aria-labelledby="social-posts-title">
      <h3 id="social-posts-title">Ready to post on social media</h3>
      {posts.map((post) => {
        const id = `social-post-${post.seq}`;
        return (
          <div key={post.seq} className="social-post">
            <label htmlFor={id}>
              {nameOf(post.assetId)} ({post.text.length} of 280 characters)
            </label>
            <textarea id={id} readOnly rows={3} value={post.text} />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void navigator.clipboard.writeText(post.text).then(() => setCopied(post.seq))}
            >
              {copied === post.seq ? "Copied" : "Copy post"}
            </button>
          </div>
        );
      })}
    </section>
  );
}
