import { enquiryEndpoint } from "@/lib/routes/enquiry-endpoint";

export const POST = enquiryEndpoint;
