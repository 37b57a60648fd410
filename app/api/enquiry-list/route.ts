import { enquiryListEndpoint } from "@/lib/routes/enquiry-list-endpoint";

export const POST = enquiryListEndpoint;
