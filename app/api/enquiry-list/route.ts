import { enquiryListEndpoint } from "@/lib/enquiries/enquiry-list-endpoint";

export const POST = enquiryListEndpoint;
