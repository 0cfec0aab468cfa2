import type { Metadata } from "next";
import type { ReactNode } from "react";
import "@/components/console/console.css";

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

export default function SignInLayout({ children }: { children: ReactNode }) {
  return children;
}
