import "server-only";
import { z } from "zod";
import { staffAuth, STAFF_MIN_PASSWORD_LENGTH } from "./auth";

export const newStaffSchema = z.object({
  email: z.email("Give the staff member's email address").trim().toLowerCase(),
  name: z.string().trim().min(1, "Give a name").max(120),
  password: z
    .string()
    .min(STAFF_MIN_PASSWORD_LENGTH, `The password must be at least ${STAFF_MIN_PASSWORD_LENGTH} characters`)
    .max(256, "The password must be at most 256 characters"),
});

/**
 * Creates a staff account through better-auth's own adapter and password hashing (scrypt).
 * Used by `npm run staff:create`; there is no way to sign up on the site.
 */
export async function createStaffAccount(input: z.input<typeof newStaffSchema>): Promise<{ id: string; email: string }> {
  const { email, name, password } = newStaffSchema.parse(input);
  const context = await staffAuth().$context;
  if (await context.internalAdapter.findUserByEmail(email)) {
    throw new Error(`A staff account for ${email} exists already`);
  }
  const user = await context.internalAdapter.createUser({ email, name, emailVerified: true }, { method: "admin" });
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await context.password.hash(password),
  });
  return { id: user.id, email: user.email };
}
