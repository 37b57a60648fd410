import { handleMailgunInbound } from "@/lib/routes/inbound-email-endpoint";

export const POST = handleMailgunInbound;
