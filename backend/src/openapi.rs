//! The OpenAPI document. Paths and schemas come from the handlers' annotations; the [`StandardErrors`]
//! modifier then adds the problem responses every operation can give (401, 403, 404, 400, 422, 412,
//! 428, 500) so each is declared once here rather than on every handler.
use crate::{
    access, activities, alarms, announcements, api, api_keys, assignment, attachments, auth,
    branches, currencies, custom_fields, deals, error, exports, health, history, imports, jobs,
    leads, lists, mail, messages, meta, notifications, partners, persons, pipelines, products,
    reports, roles, saved_views, teams, templates, territories, users,
};
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "CRM API", version = "1.0.0",
        description = "REST API of the CRM. Errors are RFC 9457 problem documents with a stable `code`. \
            Lists use keyset pagination (`limit`, `cursor`, `count`, `sort`). Changes need `If-Match` with the record's ETag."),
    servers((url = "/")),
    security(("bearer" = [])),
    modifiers(&StandardErrors),
    paths(
        health::live, health::ready,
        auth::login, auth::refresh, auth::logout, auth::get_me, auth::put_preferences, auth::change_password,
        users::list_users, users::search_users, users::create_user, users::get_user, users::update_user,
        users::delete_user, users::restore_user, users::disable_user, users::enable_user, users::reset_password,
        roles::get_permissions, roles::list_roles, roles::create_role, roles::get_role, roles::update_role, roles::delete_role,
        teams::list_teams, teams::create_team, teams::get_team, teams::update_team, teams::delete_team, teams::restore_team,
        api_keys::list_api_keys, api_keys::create_api_key, api_keys::revoke_api_key,
        history::list_history,
        saved_views::list_saved_views, saved_views::create_saved_view, saved_views::get_saved_view,
        saved_views::update_saved_view, saved_views::delete_saved_view,
        meta::get_fields,
        lists::list_items, lists::create_list_item, lists::update_list_item, lists::delete_list_item,
        custom_fields::list_custom_fields, custom_fields::get_custom_field, custom_fields::create_custom_field,
        custom_fields::update_custom_field, custom_fields::delete_custom_field,
        partners::list_partners, partners::search_partners, partners::find_duplicates, partners::bulk_partners, partners::create_partner,
        partners::get_partner, partners::update_partner, partners::delete_partner, partners::restore_partner, partners::set_owners, partners::merge_partner, partners::get_overview,
        branches::list_branches, branches::create_branch, branches::update_branch, branches::delete_branch,
        persons::list_persons, persons::search_persons, persons::create_person, persons::get_person,
        persons::update_person, persons::delete_person, persons::restore_person, persons::merge_person,
        activities::list_activities, activities::create_activity, activities::get_activity,
        activities::update_activity, activities::delete_activity,
        reports::get_contact_cost, reports::get_deal_forecast, reports::get_deal_stages, reports::get_deal_overdue,
        leads::list_leads, leads::search_leads, leads::create_lead, leads::get_lead, leads::update_lead,
        leads::delete_lead, leads::convert_lead,
        attachments::upload_attachment, attachments::list_attachments, attachments::download_attachment,
        attachments::delete_attachment,
        jobs::list_jobs, jobs::get_job, jobs::retry_job, jobs::cancel_job,
        mail::list_emails, mail::get_email, mail::send_email, mail::send_fax, mail::retry_email,
        notifications::list_notifications, notifications::read_notification, notifications::read_all_notifications,
        notifications::get_notification_preferences, notifications::put_notification_preferences,
        notifications::stream_notifications,
        alarms::list_deadlines, alarms::create_deadline, alarms::clear_deadline,
        alarms::list_absences, alarms::create_absence, alarms::delete_absence,
        templates::list_templates, templates::get_template, templates::create_template, templates::update_template,
        templates::delete_template, templates::preview_template, templates::list_mailings, templates::get_mailing,
        templates::create_mailing, templates::unsubscribe_page, templates::unsubscribe,
        messages::list_messages, messages::send_message, messages::get_thread,
        announcements::list_announcements, announcements::create_announcement, announcements::update_announcement,
        announcements::delete_announcement, announcements::read_announcement, announcements::announcement_readers,
        territories::list_territories, territories::create_territory, territories::update_territory,
        territories::delete_territory,
        assignment::list_rules, assignment::preview, assignment::apply, assignment::pending,
        assignment::owners_report, assignment::unassigned_report, assignment::explain_partner,
        imports::start_import, imports::suggest_mapping, imports::list_imports, imports::import_fields,
        imports::get_import, imports::import_errors, imports::undo_import, imports::resume_import,
        imports::list_import_templates, imports::create_import_template, imports::delete_import_template,
        exports::export_partners, exports::export_persons, exports::export_leads,
        pipelines::list_deal_types, pipelines::create_deal_type, pipelines::get_deal_type,
        pipelines::update_deal_type, pipelines::delete_deal_type,
        products::list_products, products::create_product, products::get_product, products::update_product,
        products::delete_product, products::list_price_lists, products::create_price_list,
        products::update_price_list, products::delete_price_list,
        currencies::list_exchange_rates, currencies::set_exchange_rate, currencies::delete_exchange_rate,
        currencies::convert_amount,
        deals::list_deals, deals::search_deals, deals::create_deal, deals::get_deal, deals::update_deal,
        deals::delete_deal, deals::move_deal, deals::deal_stage_history, deals::deal_timeline,
        deals::send_deal_email, deals::deal_board, deals::bulk_deals, exports::export_deals,
    ),
    components(schemas(error::Problem, error::FieldError, access::Grant, api::FilterNode, exports::ExportFormat)),
    tags(
        (name = "auth", description = "Login, token refresh, logout and the current user"),
        (name = "users", description = "User accounts (administration)"),
        (name = "roles", description = "Roles and their grants"),
        (name = "teams", description = "Teams: a manager and members"),
        (name = "api_keys", description = "API keys for integrations"),
        (name = "history", description = "The audit trail"),
        (name = "saved_views", description = "Saved list views"),
        (name = "meta", description = "Field metadata for filter builders"),
        (name = "lists", description = "Managed lists: partner groups, legal forms, lead sources, activity types, tags, deal sources"),
        (name = "custom_fields", description = "Custom fields of partners, persons, leads and deals: definitions; values travel in each record's `custom_fields`"),
        (name = "partners", description = "Partners: customers and suppliers, with owners and branches"),
        (name = "persons", description = "Persons: contacts, with marketing consent"),
        (name = "activities", description = "The contact log"),
        (name = "leads", description = "Leads (business cards) and their conversion"),
        (name = "attachments", description = "Files on partners, persons, leads, activities and deals"),
        (name = "reports", description = "Reports over what the caller may see"),
        (name = "jobs", description = "Background jobs (administration): progress, retry of dead jobs, cancel"),
        (name = "emails", description = "The outbox: email and fax, sent by the worker, logged on timelines"),
        (name = "notifications", description = "The bell: notifications, preferences and a live stream"),
        (name = "alarms", description = "Deadlines that alarm their user (or a stand-in while absent) and escalate; absences"),
        (name = "templates", description = "Email templates per language, previews, mailings, and the unsubscribe link"),
        (name = "messages", description = "Internal messages between users and teams, in threads"),
        (name = "announcements", description = "Company announcements with a validity period, pinning and read receipts"),
        (name = "territories", description = "Territories: a tree of areas by country, region and postal code"),
        (name = "imports", description = "Mass import of partners, persons and leads from CSV: mapping, dry run, progress, error file, undo"),
        (name = "assignment", description = "The assignment table: which user owns the partners of a territory and group; preview, apply, explanation, reports"),
        (name = "deals", description = "Sales and supply deals, their types (pipelines) and stages, the board, stage moves and correspondence"),
        (name = "products", description = "The product catalogue and price lists"),
        (name = "currencies", description = "Dated exchange rates into the company currency"),
        (name = "health", description = "Liveness and readiness"),
    )
)]
pub struct ApiDoc;

pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

pub fn json() -> String {
    document().to_pretty_json().unwrap_or_default()
}

struct StandardErrors;

fn problem(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            error::PROBLEM_JSON,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}

fn add(op: &mut Operation, status: &str, description: &str) {
    op.responses
        .responses
        .entry(status.into())
        .or_insert_with(|| problem(description).into());
}

impl Modify for StandardErrors {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = doc.components.as_mut() {
            components.add_security_scheme(
                "bearer",
                SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
            );
        }
        for (path, item) in doc.paths.paths.iter_mut() {
            let has_id = path.contains('{');
            let public = path.starts_with("/health")
                || path == "/api/v1/auth/login"
                || path == "/api/v1/auth/refresh";
            let self_service =
                path.starts_with("/api/v1/auth/") || path == "/api/v1/meta/{resource}/fields";
            let ops = [
                (&mut item.get, "get"),
                (&mut item.post, "post"),
                (&mut item.put, "put"),
                (&mut item.patch, "patch"),
                (&mut item.delete, "delete"),
            ];
            for (op, method) in ops {
                let Some(op) = op.as_mut() else { continue };
                add(
                    op,
                    "500",
                    "Unexpected error; the problem carries the request id",
                );
                if path.starts_with("/health") {
                    continue;
                }
                add(
                    op,
                    "400",
                    "Malformed JSON, unknown field or invalid query parameter",
                );
                if op.request_body.is_some() {
                    add(op, "413", "The body exceeds CRM_MAX_JSON_BYTES");
                    add(op, "415", "The body is not application/json");
                    add(op, "422", "Validation failed; `errors` lists the fields");
                }
                if !public {
                    add(op, "401", "Missing, invalid or expired token");
                    if !self_service {
                        add(op, "403", "The caller's role does not grant this action");
                    }
                }
                if has_id {
                    add(op, "404", "No such record, or not visible to the caller");
                }
                if matches!(method, "patch" | "delete") && has_id {
                    add(
                        op,
                        "412",
                        "If-Match names an older version; the current ETag is returned",
                    );
                    add(op, "428", "If-Match is missing");
                }
            }
        }
    }
}
