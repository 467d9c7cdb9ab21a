//! SQLite in one file (WAL, foreign keys, busy timeout), a small connection pool driven
//! through `spawn_blocking`, and the embedded migrations.
//!
//! Writes go through [`Db::write`], which wraps the closure in `BEGIN IMMEDIATE`: the write
//! lock is taken up front, so concurrent read-modify-write transactions serialize instead
//! of failing with `SQLITE_BUSY` on lock upgrade.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use tokio::sync::Semaphore;

/// Connections in the pool: a few readers can run beside the one writer WAL allows.
const POOL_SIZE: usize = 4;
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The migrations, each with the number its file name starts with. Each runs once, by
/// number: `schema_migrations` records those that ran, so a migration merged in from
/// another branch with a lower number than one already applied still runs (numbers may
/// have gaps until both branches are merged).
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("migrations/0001_auth.sql")),
    (2, include_str!("migrations/0002_mall.sql")),
    (3, include_str!("migrations/0003_community.sql")),
    (4, include_str!("migrations/0004_feedback.sql")),
    (5, include_str!("migrations/0005_surveys.sql")),
    (6, include_str!("migrations/0006_care.sql")),
    (7, include_str!("migrations/0007_me.sql")),
    (8, include_str!("migrations/0008_undo.sql")),
];

#[derive(Debug)]
pub enum DbError {
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
    /// A pooled task panicked or was cancelled.
    Task(String),
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::Sqlite(e) => write!(f, "sqlite: {e}"),
            DbError::Io(e) => write!(f, "io: {e}"),
            DbError::Task(e) => write!(f, "database task failed: {e}"),
        }
    }
}

impl std::error::Error for DbError {}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        DbError::Sqlite(e)
    }
}

impl From<std::io::Error> for DbError {
    fn from(e: std::io::Error) -> Self {
        DbError::Io(e)
    }
}

/// A cheap-to-clone handle on the pool.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    permits: Arc<Semaphore>,
}

impl Db {
    /// Opens (creating it and its directory if needed) the database and runs migrations.
    pub fn open(path: &Path) -> Result<Self, DbError> {
        if let Some(parent) = path.parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent)?;
            }
        }
        let mut first = open_connection(path)?;
        migrate(&mut first)?;
        let mut idle = vec![first];
        for _ in 1..POOL_SIZE {
            idle.push(open_connection(path)?);
        }
        Ok(Self {
            inner: Arc::new(Inner {
                path: path.to_owned(),
                idle: Mutex::new(idle),
                permits: Arc::new(Semaphore::new(POOL_SIZE)),
            }),
        })
    }

    /// Runs `f` on a pooled connection on the blocking thread pool.
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, E> + Send + 'static,
    {
        // The permit moves into the blocking task: if the caller is cancelled, the slot is
        // only freed once the connection is back in the pool.
        let permit = self
            .inner
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| E::from(DbError::Task(e.to_string())))?;
        let conn = self.inner.idle.lock().expect("pool lock").pop();
        let mut conn = match conn {
            Some(conn) => conn,
            None => open_connection(&self.inner.path).map_err(E::from)?,
        };
        let inner = self.inner.clone();
        let joined = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let result = f(&mut conn);
            // A connection left inside a transaction (a panic unwinding would skip this)
            // must not go back to the pool.
            if conn.is_autocommit() {
                inner.idle.lock().expect("pool lock").push(conn);
            }
            result
        })
        .await;
        match joined {
            Ok(result) => result,
            // The connection was lost with the panic; a new one is opened on demand.
            Err(e) => Err(E::from(DbError::Task(e.to_string()))),
        }
    }

    /// Runs `f` inside a `BEGIN IMMEDIATE` transaction, committed when `f` returns `Ok`
    /// and rolled back when it returns `Err`.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + From<rusqlite::Error> + Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, E> + Send + 'static,
    {
        self.read(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        })
        .await
    }
}

fn open_connection(path: &Path) -> Result<Connection, DbError> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // The community's "hot" order: a Rust function the queries sort by.
    crate::community::store::hot::register(&conn)?;
    Ok(conn)
}

/// Brings the schema up to date: every pending migration and the new `user_version` in
/// one `BEGIN IMMEDIATE` transaction, so a failing migration leaves the schema as it was
/// (none of the pending ones applied) and two servers starting at once cannot both
/// migrate.
pub fn migrate(conn: &mut Connection) -> Result<(), DbError> {
    migrate_with(conn, MIGRATIONS)
}

fn migrate_with(conn: &mut Connection, migrations: &[(i64, &str)]) -> Result<(), DbError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch("CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY)")?;
    let recorded: i64 = tx.query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0))?;
    if recorded == 0 {
        // A database from before the table: `user_version` counted the migrations that
        // ran, which were 1 to N in order.
        let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        for number in 1..=current {
            tx.execute(
                "INSERT INTO schema_migrations (number) VALUES (?1)",
                [number],
            )?;
        }
    }
    for &(number, sql) in migrations {
        let ran: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE number = ?1)",
            [number],
            |r| r.get(0),
        )?;
        if ran {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (number) VALUES (?1)",
            [number],
        )?;
        tracing::info!(version = number, "applied migration");
    }
    // Kept for tools that read it: the highest migration applied.
    let highest: i64 = tx.query_row("SELECT max(number) FROM schema_migrations", [], |r| {
        r.get(0)
    })?;
    tx.pragma_update(None, "user_version", highest)?;
    tx.commit()?;
    Ok(())
}

/// Milliseconds since the Unix epoch: every timestamp column holds this.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/dir/t.sqlite3");
        let mut conn = {
            Db::open(&path).unwrap();
            open_connection(&path).unwrap()
        };
        migrate(&mut conn).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.last().unwrap().0);
        let ran: i64 = conn
            .query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ran as usize, MIGRATIONS.len());
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn a_migration_numbered_below_one_applied_still_runs() {
        let mut conn = Connection::open_in_memory().unwrap();
        let ours = [(1, "CREATE TABLE a (x)"), (3, "CREATE TABLE c (x)")];
        migrate_with(&mut conn, &ours).unwrap();
        // Another branch's 2 arrives by a merge: it runs, and 1 and 3 do not run again.
        let merged = [ours[0], (2, "CREATE TABLE b (x)"), ours[1]];
        migrate_with(&mut conn, &merged).unwrap();
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b', 'c')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 3);
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 3);
    }

    #[test]
    fn a_database_from_before_the_table_counts_its_user_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        for (_, sql) in &MIGRATIONS[..5] {
            tx.execute_batch(sql).unwrap();
        }
        tx.pragma_update(None, "user_version", 5).unwrap();
        tx.commit().unwrap();
        migrate(&mut conn).unwrap();
        let score: i64 = conn
            .query_row(
                "SELECT count(*) FROM pragma_table_info('subscribers') WHERE name = 'value_score'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(score, 1, "0007 ran after 1-5");
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.last().unwrap().0);
    }
}
