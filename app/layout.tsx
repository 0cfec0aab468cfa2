import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Snowline: live winter service status", template: "%s · Snowline" },
  description: "Live status of schools, gritting routes and bin collections during winter weather.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b0c0c" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
