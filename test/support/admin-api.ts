import type { TestServer } from "./test-server";

type Part = { name: string; data: string | Uint8Array };

/** POSTs a file to /admin/imports as a signed-in admin (or with the given headers): as multipart parts (each a file), or as the raw body. */
export async function postImport(
  t: TestServer,
  query: Record<string, string>,
  body: Part[] | { raw: string | Uint8Array; contentType: string },
  auth: Record<string, string> | null | "admin" = "admin",
): Promise<Response> {
  const headers: Record<string, string> = auth === "admin" ? { ...(await t.adminHeaders()) } : { ...(auth ?? {}) };
  let payload: BodyInit;
  if (Array.isArray(body)) {
    const form = new FormData();
    for (const part of body) form.append("file", new Blob([part.data as BlobPart]), part.name);
    payload = form;
  } else {
    headers["content-type"] = body.contentType;
    payload = body.raw as BodyInit;
  }
  return fetch(`${t.url}/api/v1/admin/imports?${new URLSearchParams(query)}`, { method: "POST", headers, body: payload });
}

