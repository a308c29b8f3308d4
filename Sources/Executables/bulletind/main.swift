// The lean bulletind: the SQLite backend only. A command that needs a database server (a
// `postgresql://` database setting, `migrate --to postgresql://…`) replaces this process with
// the executable that holds that backend, found beside this one (bulletind-postgresql), with
// the same arguments, environment and PID.
import BulletindCommands

BulletindCommandLine.main(handingOffServers: true)
