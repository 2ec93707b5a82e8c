//! Where attachment bytes live. Local disk under the data directory by default; an S3-compatible
//! store implements the same trait.
use std::path::{Path, PathBuf};

#[async_trait::async_trait]
pub trait BlobStore: Send + Sync {
    /// Moves a finished upload (a temporary file) under `key`.
    async fn put(&self, key: &str, upload: &Path) -> std::io::Result<()>;
    /// A local path to read the blob from (an object store downloads it to a temporary file).
    async fn path(&self, key: &str) -> std::io::Result<PathBuf>;
    /// Where uploads are spooled before `put`, on the same file system as the store.
    fn spool_dir(&self) -> PathBuf;
}

pub struct LocalStore {
    root: PathBuf,
}

impl LocalStore {
    pub fn new(data_dir: &Path) -> Self {
        Self {
            root: data_dir.join("attachments"),
        }
    }

    fn file(&self, key: &str) -> PathBuf {
        // Keys are generated ids (`2026/11/<uuid>`), never user input.
        self.root.join(key)
    }
}

#[async_trait::async_trait]
impl BlobStore for LocalStore {
    async fn put(&self, key: &str, upload: &Path) -> std::io::Result<()> {
        let target = self.file(key);
        if let Some(dir) = target.parent() {
            tokio::fs::create_dir_all(dir).await?;
        }
        tokio::fs::rename(upload, target).await
    }

    async fn path(&self, key: &str) -> std::io::Result<PathBuf> {
        let p = self.file(key);
        tokio::fs::metadata(&p).await?;
        Ok(p)
    }

    fn spool_dir(&self) -> PathBuf {
        self.root.join("incoming")
    }
}
