import { userInputSchema, type User } from "../../lib/domain/users";
import type { TestServer } from "./test-server";

export const TEST_PASSWORD = "correct horse battery staple";

/** A signed-in console user talking to the test server like the console's browser code does. */
export interface ConsoleClient {
  user: User;
  cookie: string;
  csrfToken: string;
  get(path: string): Promise<Response>;
  /** Sends JSON with the session cookie and, unless told not to, the CSRF token. */
  send(method: string, path: string, body?: unknown, options?: { csrf?: string | null }): Promise<Response>;
  post(path: string, body?: unknown, options?: { csrf?: string | null }): Promise<Response>;
}

export async function addUser(t: TestServer, input: Record<string, unknown>, password = TEST_PASSWORD): Promise<User> {
  const { user } = await t.server.users.create(userInputSchema.parse(input), { password });
  return user;
}

export function signInRequest(t: TestServer, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${t.url}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  });
}

export function sessionCookieOf(res: Response): string {
  const header = res.headers.getSetCookie().find((c) => c.startsWith("snowline_session="));
  if (!header) throw new Error(`No session cookie in the response (${res.status})`);
  return header.split(";")[0]!;
}

export async function signIn(t: TestServer, email: string, password = TEST_PASSWORD): Promise<ConsoleClient> {
  const res = await signInRequest(t, email, password);
  if (res.status !== 200) throw new Error(`Sign-in failed with ${res.status}: ${await res.text()}`);
  const cookie = sessionCookieOf(res);
  const body = (await res.json()) as { user: User; csrfToken: string };
  const send = (method: string, path: string, payload?: unknown, options: { csrf?: string | null } = {}) => {
    const csrf = options.csrf === undefined ? body.csrfToken : options.csrf;
    const headers: Record<string, string> = { cookie };
    if (csrf) headers["x-csrf-token"] = csrf;
    if (payload !== undefined) headers["content-type"] = "application/json";
    return fetch(`${t.url}${path}`, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
  };
  return {
    user: body.user,
    cookie,
    csrfToken: body.csrfToken,
    get: (path) => fetch(`${t.url}${path}`, { headers: { cookie } }),
    send,
    post: (path, payload, options) => send("POST", path, payload, options),
  };
}
