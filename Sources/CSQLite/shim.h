#include <sqlite3.h>

/// SQLITE_TRANSIENT (a cast of -1 to a function pointer, which Swift cannot import): SQLite
/// copies the bound text or blob before the bind call returns.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

/// Turns off SQLite's memory statistics (`SQLITE_CONFIG_MEMSTATUS`, on by default): with them on,
/// every allocation and free inside SQLite takes one process-wide mutex, shared by the storing
/// thread and the threads that read for the next batch (docs/PERFORMANCE.md, "Throughput, ninth
/// round"). Nothing here reads those statistics (`sqlite3_memory_used`, `sqlite3_status`).
/// `sqlite3_config` is variadic, which Swift cannot call. Returns SQLITE_MISUSE, changing
/// nothing, once the library is initialised (the first connection initialises it).
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
