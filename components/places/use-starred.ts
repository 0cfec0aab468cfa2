"use client";

import { useCallback, useSyncExternalStore } from "react";

const STORAGE_KEY = "snowline.starred.v1";
const MAX_STARRED = 200;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/;
const EMPTY: readonly string[] = [];

let cachedRaw: string | null = null;
let cachedIds: readonly string[] = EMPTY;
const listeners = new Set<() => void>();

function read(): readonly string[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Private browsing or storage disabled: stars just do not persist.
  }
  if (raw === cachedRaw) return cachedIds;
  cachedRaw = raw;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    // Whatever is stored came from this browser, but may be from an older version: keep only valid ids.
    cachedIds = Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string" && ID.test(id)).slice(0, MAX_STARRED) : EMPTY;
  } catch {
    cachedIds = EMPTY;
  }
  return cachedIds;
}

function write(ids: readonly string[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
  } catch {
    cachedRaw = null;
    cachedIds = ids;
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The resident's starred places, kept in this browser only (and in step across its tabs). */
export function useStarred(): { starred: readonly string[]; toggle(id: string): void } {
  const starred = useSyncExternalStore(subscribe, read, () => EMPTY);
  const toggle = useCallback((id: string) => {
    const current = read();
    write(current.includes(id) ? current.filter((x) => x !== id) : [id, ...current].slice(0, MAX_STARRED));
  }, []);
  return { starred, toggle };
}
