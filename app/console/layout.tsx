import type { Metadata } from "next";
import type { ReactNode } from "react";
import "@/components/console/console.css";

export const metadata: Metadata = {
  title: { default: "Console", template: "%s · Console · Snowline" },
  robots: { index: false, follow: false },
};

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return children;
}
