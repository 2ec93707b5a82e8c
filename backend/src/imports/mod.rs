//! Mass import of partners, persons and leads from CSV files: uploaded and stored, run as a
//! background job in batches that commit whole, every row checked as the API checks a create,
//! duplicates matched in the file and the database, failed rows reported in an error file, and
//! the whole import undoable.
pub mod dto;
pub mod entity;
pub mod file;
mod handlers;
pub mod mapping;
mod matching;
pub mod rows;
pub mod run;
pub mod service;
pub mod stored;
pub mod undo;
pub mod write;

use actix_web::web;
pub use handlers::*;

pub mod status {
    pub const QUEUED: &str = "queued";
    pub const RUNNING: &str = "running";
    pub const DONE: &str = "done";
    pub const FAILED: &str = "failed";
    pub const UNDOING: &str = "undoing";
    pub const UNDONE: &str = "undone";
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/imports")
            .service(web::resource("").get(list_imports).post(start_import))
            .service(web::resource("/suggest-mapping").post(suggest_mapping))
            .service(web::resource("/fields").get(import_fields))
            .service(
                web::resource("/templates")
                    .get(list_import_templates)
                    .post(create_import_template),
            )
            .service(web::resource("/templates/{id}").delete(delete_import_template))
            .service(web::resource("/{id}").get(get_import))
            .service(web::resource("/{id}/errors").get(import_errors))
            .service(web::resource("/{id}/undo").post(undo_import))
            .service(web::resource("/{id}/resume").post(resume_import)),
    );
}
