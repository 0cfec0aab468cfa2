// Apart from protocol.ts so that pages can show the refusal's words without loading zod.

/** Bump on an incompatible change to the live contract (protocol.ts). */
export const PROTOCOL_VERSION = 1;

/** What a page from another release shows when the server refuses its connection. */
export const OUTDATED_PAGE_MESSAGE = "This page is out of date: reload it for the latest version.";
