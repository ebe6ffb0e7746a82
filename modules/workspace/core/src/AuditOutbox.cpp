#include "AuditOutbox.h"

#include "WorkspaceLogging.h"

#include "mdp/audit/AuditLog.h"
#include "mdp/crypto/Hash.h"

#include <QUuid>
#include <QtEndian>

// Q_INIT_RESOURCE declares the generated initialiser at the enclosing scope, so it must be used
// outside any namespace.
static void initWorkspaceMigrationsResource()
{
    Q_INIT_RESOURCE(workspace_migrations);
}

namespace mdp::workspace {

AuditOutbox::AuditOutbox(store::Database &database, audit::AuditLog &log, const Clock &clock,
                         std::shared_ptr<AuditShipping> shipping)
    : m_db(database)
    , m_log(log)
    , m_clock(clock)
    , m_shipping(std::move(shipping))
{}

Result<void> AuditOutbox::migrate(store::Database &database)
{
    static std::once_flag once;
    std::call_once(once, initWorkspaceMigrationsResource);
    auto applied =
        database.migrate(QStringLiteral("workspace"), QStringLiteral(":/mdp/workspace/migrations"));
    if (!applied)
        return applied.error();
    return {};
}

audit::AuditEntity AuditOutbox::databaseEntity()
{
    return audit::AuditEntity{QStringLiteral("database"), QStringLiteral("data.db")};
}

QString AuditOutbox::commitAnchor()
{
    return QStringLiteral("database.commit_counter");
}

Result<void> AuditOutbox::record(audit::AuditEvent event)
{
    if (!m_db.inTransaction()) {
        auto appended = m_log.appendDurable(std::move(event));
        if (!appended)
            return appended.error();
        return {};
    }
    // The id makes the shipping after a crash idempotent; one the caller gave (an offline read taken
    // back, an alert its notices name) is kept: an event the log already holds is not shipped twice.
    if (event.id.isEmpty()) {
        event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    } else if (m_log.containsEvent(event.id)) {
        // Shipping would take it for already shipped and drop it: refused, as the log refuses it.
        m_unrecorded = makeError(Error::Code::AlreadyExists,
                                 QStringLiteral("the audit log already holds an event %1").arg(event.id));
        return *m_unrecorded;
    }
    const QDateTime now = m_clock.now().toUTC();
    if (!event.occurred.isValid())
        event.occurred = now;
    // Needed to validate now; the log stamps its own time when the event is appended.
    event.recorded = now;
    auto json = event.toValidatedCanonicalJson();
    if (!json) {
        m_unrecorded = json.error();
        return json.error();
    }
    auto inserted = m_db.execute(QStringLiteral("INSERT INTO audit_outbox (event_id, event) VALUES (?1, ?2)"),
                                 {event.id, json.value()});
    if (!inserted) {
        m_unrecorded = inserted.error();
        return inserted.error();
    }
    return {};
}

Result<void> AuditOutbox::ship(std::optional<qint64> commitCounter)
{
    std::lock_guard lock(m_shipping->mutex);
    auto rows = m_db.query(QStringLiteral("SELECT seq, event_id, event FROM audit_outbox ORDER BY seq"));
    if (!rows)
        return rows.error();
    qint64 lastRow = 0;
    bool appended = false;
    for (const store::Row &row : rows.value()) {
        lastRow = row.at(0).toLongLong();
        // Appended before a crash that came before the row was deleted.
        if (m_log.containsEvent(row.at(1).toString()))
            continue;
        auto event = audit::AuditEvent::fromJson(row.at(2).toByteArray());
        if (!event)
            return makeError(Error::Code::Corrupt, QStringLiteral("audit outbox entry %1 is unreadable: %2")
                                                       .arg(lastRow)
                                                       .arg(event.error().message));
        if (auto r = m_log.append(std::move(event.value())); !r)
            return r.error();
        appended = true;
    }
    if (commitCounter && *commitCounter > m_shipping->anchoredCommit) {
        // The counter goes both into the signed checkpoint (anchor) and into the chain itself as an
        // event: putting back an older audit.head together with an older database must not hide
        // the rollback, and the chained event survives that.
        m_shipping->anchoredCommit = *commitCounter;
        m_log.setAnchor(commitAnchor(), *commitCounter);
        audit::AuditEvent e;
        e.type = QStringLiteral("database.commit");
        e.action = audit::AuditAction::Update;
        e.agent = m_agent
                      ? m_agent()
                      : audit::AuditAgent{QStringLiteral("system"), QStringLiteral("system"), m_nodeId, {}};
        if (e.agent.nodeId.isEmpty())
            e.agent.nodeId = m_nodeId;
        e.source = m_nodeId;
        e.entities << databaseEntity();
        e.detail.insert(QStringLiteral("commit"), *commitCounter);
        // What the accounts and roles hold after this commit, under the chain's signature; the
        // signed checkpoints remember that the MAC exists, so no later event can switch it off.
        if (!m_shipping->securityKey.isEmpty()) {
            auto security = storedSecurityMac(m_db);
            if (!security)
                return security.error();
            if (!security->mac.isEmpty()) {
                e.detail.insert(QStringLiteral("security_mac"), QString::fromLatin1(security->mac.toHex()));
                e.detail.insert(QStringLiteral("security_commit"), security->commit);
                m_log.setAnchor(securityAnchor(), 1);
            }
        }
        if (auto r = m_log.append(std::move(e)); !r)
            return r.error();
        appended = true;
    }
    if (appended) {
        if (auto r = m_log.flush(); !r)
            return r.error();
    }
    if (lastRow == 0) {
        if (appended)
            anchorAuditNow();
        return {};
    }
    if (m_shipping->stepHook)
        m_shipping->stepHook(u"audit-shipped");
    // Outside any transaction on purpose: deleting what the log already holds is bookkeeping, not a
    // change to anchor, and a row that survives (crash, busy database) is skipped by its id later.
    // The audit checkpoint now covering the change's own events goes into the database with it.
    anchorAuditNow(QStringLiteral("DELETE FROM audit_outbox WHERE seq <= %1;").arg(lastRow));
    return {};
}

void AuditOutbox::anchorAuditNow(const QString &alsoRun)
{
    if (m_db.inTransaction())
        return; // the enclosing transaction's committing() stores it
    const audit::AuditCheckpoint cp = m_log.checkpoint();
    // No parameters in a script: the values are a count and a hex digest, nothing a person typed.
    const QString script =
        QStringLiteral(
            "BEGIN IMMEDIATE; %1 INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('audit_size', "
            "%2); INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('audit_root', X'%3'); COMMIT;")
            .arg(alsoRun)
            .arg(cp.size)
            .arg(QString::fromLatin1(cp.merkleRoot.toHex()));
    if (auto r = m_db.exec(script); !r) {
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
        qCWarning(lcWorkspace) << "the audit anchor could not be stored now:" << r.error().toString();
    }
}

Result<void> AuditOutbox::committing(store::Database &database)
{
    // The durable checkpoint only: everything it covers is on disk, so after any crash the log holds
    // at least this much, and an open that finds less has lost events.
    const audit::AuditCheckpoint cp = m_log.checkpoint();
    if (auto r = database.execute(
            QStringLiteral("INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('audit_size', ?1)"),
            {cp.size});
        !r)
        return r.error();
    if (auto r = database.execute(
            QStringLiteral("INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('audit_root', ?1)"),
            {cp.merkleRoot});
        !r)
        return r.error();
    if (m_alsoCommitting) {
        if (auto r = m_alsoCommitting(database); !r)
            return r;
    }
    if (m_shipping->securityKey.isEmpty())
        return {}; // before the workstation key was read: nothing to vouch with
    // This transaction's commit number: the database counts it right after this hook.
    const qint64 commit = database.commitCounter() + 1;
    auto mac = securityDigest(database, m_shipping->securityKey, commit);
    if (!mac)
        return mac.error();
    if (mac->isEmpty())
        return {};
    if (auto r = database.execute(
            QStringLiteral("INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('security_mac', ?1), "
                           "('security_mac_commit', ?2)"),
            {mac.value(), commit});
        !r)
        return r.error();
    // The unkeyed digest of older versions is not kept beside the MAC: it would only tell a guesser
    // what the tables hold.
    if (auto r = database.execute(QStringLiteral("DELETE FROM mdp_meta WHERE key = 'security_digest'")); !r)
        return r.error();
    return {};
}

QString AuditOutbox::securityAnchor()
{
    return QStringLiteral("security_mac");
}

Result<QByteArray> AuditOutbox::securityDigest(store::Database &database, const SecureBytes &key,
                                               qint64 commit)
{
    auto tables = database.query(QStringLiteral(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('accounts', 'account_roles')"));
    if (!tables)
        return tables.error();
    if (tables->isEmpty() || tables->first().at(0).toLongLong() != 2)
        return QByteArray();
    // The commit it vouches for, then every value with its type and length, so no two different
    // tables hash alike and a record cannot be carried to another commit.
    QByteArray stream =
        key.isEmpty() ? QByteArray() : QByteArrayLiteral("commit ") + QByteArray::number(commit) + '\n';
    auto add = [&](const store::Row &row) {
        for (const QVariant &v : row) {
            QByteArray bytes;
            char type = 'N';
            if (v.typeId() == QMetaType::QByteArray) {
                type = 'B';
                bytes = v.toByteArray();
            } else if (v.typeId() == QMetaType::QString) {
                type = 'T';
                bytes = v.toString().toUtf8();
            } else if (v.isValid()) {
                type = 'I';
                bytes = v.toString().toUtf8();
            }
            char header[5];
            header[0] = type;
            qToBigEndian<quint32>(quint32(bytes.size()), header + 1);
            stream.append(QByteArrayView(header, 5));
            stream.append(bytes);
        }
        stream.append(QByteArrayView("\n", 1));
        return true;
    };
    for (const QString &sql : {QStringLiteral("SELECT * FROM accounts ORDER BY id"),
                               QStringLiteral("SELECT * FROM account_roles ORDER BY account_id, role")}) {
        stream.append(sql.toUtf8());
        if (auto r = database.forEachRow(sql, {}, add); !r)
            return r.error();
    }
    if (key.isEmpty())
        return crypto::hash(crypto::HashAlgorithm::Sm3, stream);
    return crypto::hmac(crypto::HashAlgorithm::Sm3, key.view(), stream);
}

void AuditOutbox::ChainedSecurity::take(const audit::AuditEvent &commitEvent)
{
    // Only an event that carries a MAC says anything: one without cannot switch the check off.
    const QByteArray carried =
        QByteArray::fromHex(commitEvent.detail.value(QStringLiteral("security_mac")).toString().toLatin1());
    const qint64 covers = commitEvent.detail.value(QStringLiteral("security_commit")).toInteger(-1);
    if (carried.isEmpty() || covers < commit)
        return;
    commit = covers;
    mac = carried;
}

Result<bool> AuditOutbox::securityTablesIntact(store::Database &database, const SecureBytes &key,
                                               const ChainedSecurity &chained)
{
    if (key.isEmpty())
        return true;
    const qint64 counter = database.commitCounter();
    if (!chained.mac.isEmpty() && chained.commit == counter) {
        auto now = securityDigest(database, key, counter);
        if (!now)
            return now.error();
        return now.value() == chained.mac;
    }
    auto stored = storedSecurityMac(database);
    if (!stored)
        return stored.error();
    if (!stored->mac.isEmpty()) {
        // A record older than the chain's newest one, or one for a commit that never happened, was
        // put back: the replay of an earlier state of the tables together with its record.
        if (stored->commit < std::max(chained.commit, chained.anchoredCommit) || stored->commit > counter)
            return false;
        auto now = securityDigest(database, key, stored->commit);
        if (!now)
            return now.error();
        return now.value() == stored->mac;
    }
    auto now = securityDigest(database, key, counter);
    if (!now)
        return now.error();
    if (now->isEmpty())
        return true; // no account tables (yet)
    if (!chained.mac.isEmpty() || chained.keyedBefore)
        return false; // deleted, where the chain shows there was one
    // A workspace from before the MAC: its last transaction stored the unkeyed digest.
    auto legacy =
        database.queryOne(QStringLiteral("SELECT value FROM mdp_meta WHERE key = 'security_digest'"));
    if (!legacy)
        return legacy.error();
    if (!legacy->has_value())
        return true;
    auto unkeyed = securityDigest(database, {}, 0);
    if (!unkeyed)
        return unkeyed.error();
    return unkeyed.value() == (**legacy).at(0).toByteArray();
}

Result<QString> AuditOutbox::auditAnchorProblem(store::Database &database, qint64 held,
                                                const std::function<Result<QByteArray>(qint64 size)> &rootAt)
{
    auto anchor = anchoredAudit(database);
    if (!anchor)
        return anchor.error();
    if (!anchor.value())
        return QString();
    const auto &[size, root] = *anchor.value();
    if (size > held)
        return QStringLiteral("the database vouches for %1 audit events but the audit log holds %2: its "
                              "newest events were removed")
            .arg(size)
            .arg(held);
    auto actual = rootAt(size);
    if (!actual)
        return actual.error();
    if (actual.value() != root)
        return QStringLiteral("the audit history up to event %1 is not the one the database vouched for "
                              "(Merkle root differs): it was rewritten")
            .arg(size - 1);
    return QString();
}

Result<AuditOutbox::StoredMac> AuditOutbox::storedSecurityMac(store::Database &database)
{
    auto rows = database.query(QStringLiteral(
        "SELECT key, value FROM mdp_meta WHERE key IN ('security_mac', 'security_mac_commit')"));
    if (!rows)
        return rows.error();
    StoredMac stored;
    for (const store::Row &row : rows.value()) {
        if (row.at(0).toString() == u"security_mac")
            stored.mac = row.at(1).toByteArray();
        else
            stored.commit = row.at(1).toLongLong();
    }
    return stored;
}

Result<std::optional<std::pair<qint64, QByteArray>>> AuditOutbox::anchoredAudit(store::Database &database)
{
    using Anchor = std::optional<std::pair<qint64, QByteArray>>;
    auto rows = database.query(
        QStringLiteral("SELECT key, value FROM mdp_meta WHERE key IN ('audit_size', 'audit_root')"));
    if (!rows)
        return rows.error();
    std::optional<qint64> size;
    QByteArray root;
    for (const store::Row &row : rows.value()) {
        if (row.at(0).toString() == QStringLiteral("audit_size"))
            size = row.at(1).toLongLong();
        else
            root = row.at(1).toByteArray();
    }
    if (!size || root.isEmpty())
        return Anchor();
    return Anchor(std::make_pair(*size, root));
}

void AuditOutbox::committed(qint64 commitCounter)
{
    if (m_shipping->stepHook)
        m_shipping->stepHook(u"database-committed");
    if (auto shipped = ship(commitCounter); !shipped) {
        // The events stay in the outbox and go out with the next commit or the next open.
        m_failure = shipped.error();
        qCCritical(lcWorkspace) << "audit events of a commit could not be appended:"
                                << shipped.error().toString();
    }
    if (m_afterCommit)
        m_afterCommit();
}

} // namespace mdp::workspace
