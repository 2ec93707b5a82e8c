//! SQLite's own `lower()` folds ASCII letters only: `lower('ŠIBENIK')` is `Šibenik`. Every check
//! that compares lowered text (a list's "contains" filter, a partner's duplicate by name and city,
//! an import's duplicate persons and leads by last name) then misses Š, Ć, Ž, Ł, Ś, Ș, Ă... which
//! PostgreSQL folds, and our users' names and cities are full of them. Each SQLite connection
//! therefore gets a `lower()` that folds like Rust's `str::to_lowercase` (the code lowers the
//! other side of those comparisons the same way). No index or trigger of ours uses `lower()`, so
//! replacing it changes no stored value.
use libsqlite3_sys as ffi;
use sqlx::sqlite::SqliteConnection;
use std::os::raw::c_int;

/// Replaces `lower(text)` on this connection.
pub async fn register(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let mut handle = conn.lock_handle().await?;
    // SAFETY: the handle is locked for us, the name is NUL-terminated and static, and the
    // function keeps no state (no user data, no destructor).
    let rc = unsafe {
        ffi::sqlite3_create_function_v2(
            handle.as_raw_handle().as_ptr(),
            c"lower".as_ptr(),
            1,
            ffi::SQLITE_UTF8 | ffi::SQLITE_DETERMINISTIC | ffi::SQLITE_INNOCUOUS,
            std::ptr::null_mut(),
            Some(lower),
            None,
            None,
            None,
        )
    };
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(sqlx::Error::Configuration(
            format!("registering lower() on SQLite failed with code {rc}").into(),
        ))
    }
}

/// `lower(x)`: NULL stays NULL; anything else is read as UTF-8 text and folded.
unsafe extern "C" fn lower(
    ctx: *mut ffi::sqlite3_context,
    argc: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) {
    if argc != 1 {
        ffi::sqlite3_result_error_code(ctx, ffi::SQLITE_MISUSE);
        return;
    }
    let value = *argv;
    if ffi::sqlite3_value_type(value) == ffi::SQLITE_NULL {
        ffi::sqlite3_result_null(ctx);
        return;
    }
    // The text pointer must be read before its length (SQLite's documented order).
    let text = ffi::sqlite3_value_text(value);
    let len = ffi::sqlite3_value_bytes(value);
    if text.is_null() {
        ffi::sqlite3_result_error_nomem(ctx);
        return;
    }
    let bytes = std::slice::from_raw_parts(text, len.max(0) as usize);
    let folded = String::from_utf8_lossy(bytes).to_lowercase();
    match c_int::try_from(folded.len()) {
        // SQLITE_TRANSIENT: SQLite copies the text before `folded` is dropped.
        Ok(n) => ffi::sqlite3_result_text(ctx, folded.as_ptr().cast(), n, ffi::SQLITE_TRANSIENT()),
        Err(_) => ffi::sqlite3_result_error_toobig(ctx),
    }
}
