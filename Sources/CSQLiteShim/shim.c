#include "CSQLiteShim.h"

int lunasim_sqlite_keep_wal(sqlite3 *db) {
    int persist = 1;
    int result = sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
    if (result != SQLITE_OK && result != SQLITE_NOTFOUND) return result;
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}
