// Names for the generated schema types used across the app. Never define API shapes here by hand:
// alias the generated ones, so a change in openapi/openapi.json shows up as a type error.
import type { components } from "./schema";

type S = components["schemas"];

export type User = S["User"];
export type Grant = S["Grant"];
/** A grant as roles store and accept it (action and resource as plain strings). */
export type GrantInput = S["GrantInput"];
export type Locale = S["Locale"];
export type Me = S["Me"];
export type TokenResponse = S["TokenResponse"];
export type Role = S["Role"];
export type Team = S["Team"];
export type ApiKey = S["ApiKey"];
export type CreatedApiKey = S["CreatedApiKey"];
export type HistoryEntry = S["HistoryEntry"];
export type SavedView = S["SavedView"];
export type FieldMeta = S["FieldInfo"];
export type Permissions = S["Permissions"];
export type Partner = S["Partner"];
export type PartnerInput = S["PartnerFields"];
export type PartnerOwner = S["Owner"];
export type SetOwners = S["SetOwners"];
export type Duplicates = S["Duplicates"];
export type DuplicateMatch = S["DuplicateMatch"];
export type DuplicateQuery = S["DuplicateQuery"];
export type ListItem = S["ListItem"];
export type Branch = S["Branch"];
export type BranchInput = S["BranchFields"];
export type Person = S["Person"];
export type PersonInput = S["PersonFields"];

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
  total?: number | null;
}
export type Activity = S["Activity"];
export type ActivityInput = S["ActivityFields"];
export type Lead = S["Lead"];
export type LeadInput = S["LeadFields"];
export type LeadConversion = S["Conversion"];
export type Attachment = S["Attachment"];
export type MergeResult = S["MergeResult"];
export type ContactCostReport = S["ContactCostReport"];
export type ContactCostRow = S["ContactCostRow"];
export type ReportGroupBy = S["GroupBy"];
export type CustomField = S["CustomField"];
export type CustomFieldType = S["CustomFieldType"];
export type CustomEntity = S["CustomEntity"];
export type CreateCustomField = S["CreateCustomField"];
export type UpdateCustomField = S["UpdateCustomField"];
/** An in-app notification ("AppNotification": the DOM already has a global `Notification`). */
export type AppNotification = S["Notification"];
export type NotificationPage = S["NotificationPage"];
export type NotificationPreference = S["Preference"];
export type Deadline = S["Deadline"];
export type CreateDeadline = S["CreateDeadline"];
export type Absence = S["Absence"];
export type CreateAbsence = S["CreateAbsence"];
export type Email = S["Email"];
export type SendEmail = S["SendEmail"];
export type SendFax = S["SendFax"];
export type Job = S["Job"];
export type EmailTemplate = S["EmailTemplate"];
export type CreateTemplate = S["CreateTemplate"];
export type UpdateTemplate = S["UpdateTemplate"];
export type RenderedTemplate = S["Rendered"];
export type Mailing = S["Mailing"];
export type Message = S["Message"];
export type Mailbox = S["Mailbox"];
export type SendMessage = S["SendMessage"];
export type Announcement = S["Announcement"];
export type CreateAnnouncement = S["CreateAnnouncement"];
export type UpdateAnnouncement = S["UpdateAnnouncement"];
export type AnnouncementReader = S["Reader"];
export type Territory = S["Territory"];
export type TerritoryInput = S["TerritoryFields"];
export type AssignmentRule = S["AssignmentRule"];
export type RuleInput = S["RuleInput"];
export type AssignmentPreview = S["Preview"];
export type PreviewItem = S["PreviewItem"];
export type ConflictItem = S["ConflictItem"];
export type OwnerRef = S["OwnerRef"];
export type AssignmentExplanation = S["Explanation"];
export type CandidateRule = S["CandidateRule"];
export type OwnerCount = S["OwnerCount"];
export type UnassignedPartner = S["UnassignedPartner"];
export type BulkPartners = S["BulkPartners"];
export type Import = S["Import"];
export type ImportField = S["ImportField"];
export type ImportTemplate = S["ImportTemplate"];
export type MappingSuggestion = S["MappingSuggestion"];
export type ExportFormat = S["ExportFormat"];
