#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QString>
#include <QVariant>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>

namespace mdp::store {

// Page cipher of the SQLCipher database. SM4-CBC is the default (national algorithm).
enum class PageCipher { Sm4Cbc, Aes256Cbc };
QString pageCipherName(PageCipher cipher); // "sm4-cbc" / "aes-256-cbc"
std::optional<PageCipher> pageCipherFromName(QStringView name);

using Row = QVariantList;

// Called after every committed write transaction with the new commit counter, so a higher layer
// can anchor it (the audit chain) and detect a rolled-back database file at the next open.
class CommitObserver
{
public:
    virtual ~CommitObserver() = default;
    virtual void committed(qint64 commitCounter) = 0;
};

// An open, keyed SQLCipher database. Not thread-safe: one connection per thread.
class Database
{
public:
    struct Options
    {
        QString path;
        SecureBytes key;                   // raw 256-bit key from the key hierarchy
        PageCipher cipher = PageCipher::Sm4Cbc;
        bool create = false;               // create the file if missing
        bool unencrypted = false;          // only for benchmarks' baseline; never for workspace data
    };

    // Refuses to open unless the linked library answers PRAGMA cipher_version (it is really
    // SQLCipher) and the key decrypts the file (Error::Code::WrongPassphrase otherwise).
    static Result<std::unique_ptr<Database>> open(Options options);
    ~Database();

    QString path() const;
    QString cipherVersion() const;
    PageCipher cipher() const;

    // Runs one or more statements without parameters (schema, pragmas).
    Result<void> exec(const QString &sql);
    // One statement with positional parameters (?1, ?2 or ?); returns rows changed.
    Result<qint64> execute(const QString &sql, const QVariantList &params = {});
    Result<QList<Row>> query(const QString &sql, const QVariantList &params = {});
    Result<std::optional<Row>> queryOne(const QString &sql, const QVariantList &params = {});
    qint64 lastInsertRowId() const;

    // BEGIN IMMEDIATE ... COMMIT around `work`; rolls back if it fails. Every committed write
    // transaction increments the commit counter stored in the database itself.
    Result<void> transaction(const std::function<Result<void>()> &work);
    qint64 commitCounter() const;
    void setCommitObserver(CommitObserver *observer);

    // Applies numbered migrations `<prefix>/NNN_name.sql` from Qt resources in order, once each,
    // recording (module, version) in schema_migrations. Each runs in its own transaction.
    Result<int> migrate(const QString &module, const QString &resourcePrefix);
    Result<int> schemaVersion(const QString &module);

    // Full integrity check (PRAGMA integrity_check); error names the first problem.
    Result<void> checkIntegrity();

private:
    Database();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::store
