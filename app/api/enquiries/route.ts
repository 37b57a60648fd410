import { enquiryEndpoint } from "@/lib/enquiries/endpoint";

export const POST = enquiryEndpoint;
