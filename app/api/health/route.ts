import { healthEndpoint } from "@/lib/routes/health-endpoint";

export const dynamic = "force-dynamic";

export const GET = healthEndpoint;
