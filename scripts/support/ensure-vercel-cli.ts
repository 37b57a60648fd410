/**
 * Installs the pinned Vercel CLI before the Vercel test needs it (`npm test` does this while the
 * browser tests run, so the install costs no time of its own).
 */
import { ensureVercelCli } from "./vercel-output";

ensureVercelCli();
