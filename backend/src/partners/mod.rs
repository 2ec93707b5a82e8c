//! Partners: companies and individuals the firm deals with, as customers, suppliers or both.
mod bulk;
pub mod dto;
pub mod entity;
mod handlers;
mod merge;
pub mod names;
pub mod overview;
pub mod scope;
pub mod service;
pub mod tax_id;

use crate::branches;
use actix_web::web;
pub use handlers::*;

/// Mounted as a scope: actix then matches the prefix once instead of trying each pattern.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/partners")
            .service(web::resource("").get(list_partners).post(create_partner))
            .service(web::resource("/search").post(search_partners))
            .service(web::resource("/duplicates").post(find_duplicates))
            .service(web::resource("/bulk").post(bulk_partners))
            .service(web::resource("/export").get(crate::exports::export_partners))
            .service(
                web::resource("/{id}")
                    .get(get_partner)
                    .patch(update_partner)
                    .delete(delete_partner),
            )
            .service(web::resource("/{id}/restore").post(restore_partner))
            .service(web::resource("/{id}/owners").put(set_owners))
            .service(web::resource("/{id}/merge").post(merge_partner))
            .service(web::resource("/{id}/overview").get(get_overview))
            .service(web::resource("/{id}/assignment").get(crate::assignment::explain_partner))
            .service(
                web::resource("/{id}/branches")
                    .get(branches::list_branches)
                    .post(branches::create_branch),
            )
            .service(
                web::resource("/{id}/branches/{branch_id}")
                    .patch(branches::update_branch)
                    .delete(branches::delete_branch),
            ),
    );
}
