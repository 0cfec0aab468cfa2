"use client";

import { useEffect } from "react";

/**
 * Marks the page as scripted once React runs, so controls that need JavaScript (star, show on
 * map), already in the server HTML, become usable without React adding or re-rendering them.
 */
export function ScriptFlag() {
  useEffect(() => {
    document.documentElement.classList.add("has-js");
  }, []);
  return null;
}
