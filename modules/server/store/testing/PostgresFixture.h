#pragma once

#include "mdp/foundation/Result.h"

#include <QString>

#include <memory>

namespace mdp::server {

// A throw-away PostgreSQL server for tests and benchmarks (target mdp_server_store_testing):
// a fresh cluster in a temporary directory (initdb, trust authentication, superuser "mdp"),
// listening on 127.0.0.1 at a free port and on a Unix socket in that directory, with durability
// switched off (fsync, synchronous_commit, full_page_writes: nothing here has to survive a crash).
// The destructor stops the server (pg_ctl stop -m fast) and removes the directory.
//
// Server binaries: $MDP_POSTGRES_BINDIR, else /usr/lib/postgresql/15/bin, else the newest
// /usr/lib/postgresql/*/bin. Run as root, the server runs as the "postgres" user (runuser), since
// initdb refuses root; run as another user, it runs as that user.
//
//     auto pg = PostgresFixture::start();
//     if (!pg && pg.error().code == Error::Code::NotFound)
//         QSKIP(qPrintable(pg.error().message));
//     QVERIFY2(pg, qPrintable(pg.error().toString()));
//     auto store = openPostgresServerStore((*pg)->createDatabase(QStringLiteral("t1")));
class PostgresFixture
{
public:
    // Error codes: NotFound when the PostgreSQL server binaries (or, as root, the postgres user or
    // runuser) are absent: a test may skip. Io for anything else (initdb, start-up, createdb
    // failing; the message carries the end of the server log).
    static Result<std::unique_ptr<PostgresFixture>> start();
    ~PostgresFixture();
    PostgresFixture(const PostgresFixture &) = delete;
    PostgresFixture &operator=(const PostgresFixture &) = delete;

    // libpq connection string of the database "mdp" created at start:
    // "host=127.0.0.1 port=<port> dbname=mdp user=mdp".
    QString connectionString() const;
    // Creates an empty database (name: [a-z0-9_], at most 63 characters) and returns its connection
    // string; an empty string on failure (the reason is logged as a warning).
    QString createDatabase(const QString &name);
    int port() const;

private:
    PostgresFixture();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::server
