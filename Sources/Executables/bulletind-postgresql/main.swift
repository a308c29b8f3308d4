// bulletind with the PostgreSQL backend: the same command line as bulletind, which runs this
// binary in its place for a `postgresql://` database (so admins keep running `bulletind`).
import BulletindCommands
import BulletinPostgresBackend

PostgresBackend.register()
BulletindCommandLine.main(handingOffServers: false)
