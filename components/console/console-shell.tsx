import Link from "next/link";
import type { ReactNode } from "react";
import { describeScope, ROLE_LABELS, type Access, type AccessSettings } from "@/lib/domain/access";
import type { User } from "@/lib/domain/users";
import { CONSOLE_NAV } from "./console-nav";
import { SignOutButtons } from "./sign-out-buttons";

export interface ConsoleShellProps {
  councilName: string;
  user: Pick<User, "name" | "email" | "role">;
  access: Access;
  settings: AccessSettings;
  csrfToken: string;
  /** The nav key of this page, marked as current. */
  current: string;
  title: string;
  children: ReactNode;
}

/** Header, who is signed in and what they may change, the sections they may use, then the page. */
export function ConsoleShell({ councilName, user, access, settings, csrfToken, current, title, children }: ConsoleShellProps) {
  const items = CONSOLE_NAV.filter((item) => item.isVisible(access, settings));
  return (
    <>
      <header className="site-header console-header">
        <div className="console-header__top">
          <p className="console-header__title">
            {councilName} <span>· Officers&rsquo; console</span>
          </p>
          <div className="console-user">
            <span>
              Signed in as <strong>{user.name}</strong> ({ROLE_LABELS[user.role]}; may change {describeScope(access)})
            </span>
            <SignOutButtons csrfToken={csrfToken} />
          </div>
        </div>
        <nav className="console-nav" aria-label="Console sections">
          <ul>
            {items.map((item) => (
              <li key={item.key}>
                <Link href={item.href} aria-current={item.key === current ? "page" : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
            <li>
              <Link href="/">Public page</Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="console-main">
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
