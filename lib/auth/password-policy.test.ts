import { describe, expect, it } from "vitest";
import { passwordSchema } from "./password-policy";

const refusal = (password: string) => {
  const result = passwordSchema.safeParse(password);
  return result.success ? null : result.error.issues.map((i) => i.message).join("; ");
};

describe("finding 7: passwords follow NCSC guidance", () => {
  it("refuses twelve spaces, password1234 and 123456789012", () => {
    expect(refusal(" ".repeat(12))).toMatch(/not only spaces/);
    expect(refusal("\t \u00a0".repeat(4))).toMatch(/not only spaces/);
    expect(refusal("password1234")).toMatch(/commonly used/);
    expect(refusal("123456789012")).toMatch(/commonly used/);
  });

  it("compares with the common list ignoring case and surrounding spaces", () => {
    expect(refusal("PassWord1234")).toMatch(/commonly used/);
    expect(refusal(" qwerty123456 ")).toMatch(/commonly used/);
  });

  it("asks for length, never for composition: pass phrases and manager output pass", () => {
    expect(refusal("correct horse battery staple")).toBeNull();
    expect(refusal("alllowercaseletters")).toBeNull();
    expect(refusal("  spaced out phrase  ")).toBeNull();
    expect(refusal("short")).toMatch(/at least 12 characters/);
    expect(refusal("x".repeat(257))).toMatch(/at most 256/);
  });
});
