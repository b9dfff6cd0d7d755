// SQLite settings GRDB does not expose. sqlite3_db_config() is variadic, which Swift cannot call,
// so each setting the state store needs gets a fixed-signature wrapper here.
#ifndef LUNASIM_CSQLITESHIM_H
#define LUNASIM_CSQLITESHIM_H

#include <sqlite3.h>

/// Keeps the -wal file after the last connection closes and skips the checkpoint at close, so a
/// read-only lunacm never writes or fsyncs anything (it used to recreate, sync, checkpoint and
/// delete the WAL on every run). Checkpoints still happen when the WAL grows (autocheckpoint).
int lunasim_sqlite_keep_wal(sqlite3 *db);

#endif
