import { redirect } from "next/navigation";
import { SignInForm } from "@/components/console/sign-in-form";
import { nextPathSchema } from "@/lib/domain/users";
import { currentSession } from "../console/console-session";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = nextPathSchema.parse((await searchParams).next);
  const { session, app } = await currentSession();
  if (session) redirect(next);
  return (
    <>
      <header className="site-header">
        <p className="site-header__council">{app.config.councilName}</p>
      </header>
      <main id="main">
        <h1>Sign in to the officers&rsquo; console</h1>
        <p className="lede">For council staff and schools who post winter service updates.</p>
        <SignInForm next={next} />
        <p className="muted">No account, or locked out? Ask your Snowline administrator.</p>
      </main>
    </>
  );
}
