import Link from "next/link";
import type { CSSProperties } from "react";
import type { PublicConfig } from "@/lib/public-config";

/** The council's header: logo, name and brand colour from config, and the demo warning. */
export function SiteHeader({ config, title, titleIsHeading = true }: { config: PublicConfig; title: string; titleIsHeading?: boolean }) {
  const Title = titleIsHeading ? "h1" : "p";
  return (
    <header className="site-header" style={{ "--brand": config.brandColour } as CSSProperties}>
      <div className="site-header__inner">
        <Link className="site-header__council" href="/">
          {/* The name beside it says whose logo it is. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img className="site-header__logo" src={config.logoUrl} alt="" width={36} height={36} />
          <span>{config.councilName}</span>
        </Link>
        <Title className="site-header__title">{title}</Title>
        {config.isDemo ? <p className="demo-banner">Demo data: these places and statuses are made up.</p> : null}
      </div>
    </header>
  );
}
