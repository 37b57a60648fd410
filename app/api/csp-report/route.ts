import { receiveCspReport } from "@/lib/routes/csp-report-endpoint";

export function POST(request: Request) {
  return receiveCspReport(request);
}
