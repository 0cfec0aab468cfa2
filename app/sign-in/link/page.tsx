import { ClaimLinkForm } from "@/components/console/claim-link-form";
import { getAppContext } from "@/lib/app-context";
import { connection } from "next/server";

export default async function SignInLinkPage() {
  await connection();
  const { config } = getAppContext();
  return (
    <>
      <header className="site-header">
        <p className="site-header__council">{config.councilName}</p>
      </header>
      <main id="main">
        <h1>Set your password</h1>
        <p className="lede">Your sign-in link works once. Choose a password to finish setting up your account.</p>
        <ClaimLinkForm />
      </main>
    </>
  );
}
