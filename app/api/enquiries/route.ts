import { enquiryEndpoint, offerEnquiryEndpointToServer } from "@/lib/routes/enquiry-endpoint";

offerEnquiryEndpointToServer();

export function POST(request: Request): Promise<Response> {
  return enquiryEndpoint(request);
}
