export { AddressFields, EmailsInput, PhonesInput, type AddressField } from "./ContactFields";
