#include "AuditIndex.h"

#include "AuditLogging.h"

#include "mdp/crypto/Hash.h"
#include "mdp/store/Database.h"

#include <QDir>
#include <QFile>
#include <QtEndian>

#include <limits>

namespace mdp::audit::detail {

namespace {

constexpr int kFormat = 2;
// Postings are keyed (segment, hash, sequence) with a segment of this many events: new rows land in the
// current segment's part of the B-tree only, which stays in the page cache, so a write touches few
// pages whatever the history (keying by hash alone spread every insert over the whole table: 2 400
// events/s at 1 M events). A lookup asks each segment once.
constexpr qint64 kSegmentShift = 15;
// Interned user and data IDs kept in memory; beyond this the cache starts over (bounded memory).
constexpr qsizetype kRefCacheLimit = 20000;

const QString kSchema = QStringLiteral(R"(
CREATE TABLE IF NOT EXISTS audit_index_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  format INTEGER NOT NULL,
  log_id BLOB NOT NULL,
  size INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  chain BLOB NOT NULL,
  frontier BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS audit_users (ref INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS audit_events (
  seq INTEGER PRIMARY KEY,
  off INTEGER NOT NULL,
  len INTEGER NOT NULL,
  ms INTEGER NOT NULL,
  user_ref INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS audit_events_by_user ON audit_events (user_ref, seq);
CREATE TABLE IF NOT EXISTS audit_entity_events (
  seg INTEGER NOT NULL, h INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (seg, h, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit_event_ids (
  seg INTEGER NOT NULL, h INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (seg, h, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit_nodes (
  level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID;
)");

QString indexPath(const QString &directory)
{
    return QDir(directory).filePath(QString::fromLatin1(AuditIndex::kFileName));
}

} // namespace

AuditIndex::AuditIndex() = default;
AuditIndex::~AuditIndex() = default;

void AuditIndex::remove(const QString &directory)
{
    const QString path = indexPath(directory);
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

Result<std::unique_ptr<AuditIndex>> AuditIndex::open(const QString &directory, const SecureBytes &logKey,
                                                     const QByteArray &logId)
{
    std::unique_ptr<AuditIndex> index(new AuditIndex);
    store::Database::Options o;
    o.path = indexPath(directory);
    o.key = crypto::hkdf(crypto::HashAlgorithm::Sm3, logKey.view(), logId,
                         QByteArrayLiteral("mdp.audit.v1.index-key"), 32);
    o.create = true;
    // Pages of a derived index: a small cache keeps the process small whatever the history.
    o.cacheKiB = 4096;
    o.pageSize = 1024;
    auto db = store::Database::open(std::move(o));
    if (!db)
        return db.error();
    index->m_db = std::move(db.value());
    // Derived data: a crash may lose the last commits, which the next open rescans from audit.log.
    if (auto r = index->m_db->exec(QStringLiteral("PRAGMA synchronous = NORMAL")); !r)
        return r.error();
    if (auto r = index->m_db->exec(kSchema); !r)
        return r.error();
    index->m_logId = logId;
    index->m_idKey = crypto::hkdf(crypto::HashAlgorithm::Sm3, logKey.view(), logId,
                                  QByteArrayLiteral("mdp.audit.v1.index-event-id"), 32);
    return index;
}

std::optional<IndexState> AuditIndex::state() const
{
    std::lock_guard lock(m_mutex);
    auto row = m_db->queryOne(QStringLiteral(
        "SELECT format, log_id, size, bytes, chain, frontier FROM audit_index_state WHERE id = 1"));
    if (!row || !row->has_value())
        return std::nullopt;
    const store::Row &r = **row;
    if (r.at(0).toInt() != kFormat || r.at(1).toByteArray() != m_logId)
        return std::nullopt;
    auto frontier = MerkleFrontier::fromBytes(r.at(5).toByteArray());
    if (!frontier || qint64(frontier->size()) != r.at(2).toLongLong())
        return std::nullopt;
    // The state row and the rows it describes must be of one moment: a newer state page put into an
    // older copy of the file would otherwise hide the events in between from every query.
    auto last = m_db->queryOne(QStringLiteral("SELECT max(seq) FROM audit_events"));
    if (!last || !last->has_value())
        return std::nullopt;
    const qint64 lastSeq = (**last).at(0).isValid() ? (**last).at(0).toLongLong() : -1;
    if (lastSeq != r.at(2).toLongLong() - 1)
        return std::nullopt;
    IndexState s;
    s.size = r.at(2).toLongLong();
    m_covered = s.size;
    s.bytes = r.at(3).toLongLong();
    s.chainHead = r.at(4).toByteArray();
    s.frontier = std::move(frontier.value());
    return s;
}

qint64 AuditIndex::keyHash(QStringView kind, const QString &name) const
{
    const QByteArray mac =
        crypto::hmac(crypto::HashAlgorithm::Sm3, m_idKey.view(), kind.toUtf8() + '\0' + name.toUtf8());
    return qFromBigEndian<qint64>(mac.constData());
}

Result<std::vector<qint64>> AuditIndex::postings(const QString &table, qint64 hash, qint64 before,
                                                 bool newestOnly) const
{
    std::vector<qint64> out;
    if (before <= 0)
        return out;
    const qint64 lastSegment = (before - 1) >> kSegmentShift;
    const QString sql =
        QStringLiteral("SELECT DISTINCT seq FROM %1 WHERE seg = ? AND h = ? AND seq < ? ORDER BY seq")
            .arg(table);
    for (qint64 seg = newestOnly ? lastSegment : 0; newestOnly ? seg >= 0 : seg <= lastSegment;
         seg += newestOnly ? -1 : 1) {
        const std::size_t had = out.size();
        auto r = m_db->forEachRow(sql, {seg, hash, before}, [&](const store::Row &row) {
            out.push_back(row.at(0).toLongLong());
            return true;
        });
        if (!r)
            return r.error();
        if (newestOnly && out.size() > had) {
            // Every candidate of the newest segment that has any: the caller checks them newest first.
            return std::vector<qint64>(out.begin() + qsizetype(had), out.end());
        }
    }
    return out;
}

Result<qint64> AuditIndex::refFor(const QString &table, QHash<QString, qint64> &cache, const QString &name)
{
    if (const auto it = cache.constFind(name); it != cache.constEnd())
        return it.value();
    if (auto r =
            m_db->execute(QStringLiteral("INSERT OR IGNORE INTO %1 (name) VALUES (?)").arg(table), {name});
        !r)
        return r.error();
    auto row = m_db->queryOne(QStringLiteral("SELECT ref FROM %1 WHERE name = ?").arg(table), {name});
    if (!row)
        return row.error();
    if (!row->has_value())
        return makeError(Error::Code::Corrupt, QStringLiteral("audit index: %1 lost a row").arg(table));
    if (cache.size() >= kRefCacheLimit)
        cache.clear();
    const qint64 ref = (**row).at(0).toLongLong();
    cache.insert(name, ref);
    return ref;
}

Result<void> AuditIndex::add(const std::vector<IndexedEvent> &events, const std::vector<Node> &nodes,
                             const IndexState &state)
{
    std::lock_guard lock(m_mutex);
    auto work = [&]() -> Result<void> {
        for (const IndexedEvent &e : events) {
            auto user = refFor(QStringLiteral("audit_users"), m_userRefs, e.userId);
            if (!user)
                return user.error();
            if (auto r = m_db->execute(
                    QStringLiteral("INSERT OR REPLACE INTO audit_events (seq, off, len, ms, user_ref) "
                                   "VALUES (?, ?, ?, ?, ?)"),
                    {e.sequence, e.offset, e.frameLength, e.recordedMs, user.value()});
                !r)
                return r.error();
            const qint64 seg = e.sequence >> kSegmentShift;
            for (const QString &key : e.entityKeys) {
                if (auto r = m_db->execute(QStringLiteral("INSERT OR IGNORE INTO audit_entity_events "
                                                          "(seg, h, seq) VALUES (?, ?, ?)"),
                                           {seg, keyHash(u"entity", key), e.sequence});
                    !r)
                    return r.error();
            }
            if (!e.eventId.isEmpty()) {
                if (auto r = m_db->execute(
                        QStringLiteral(
                            "INSERT OR IGNORE INTO audit_event_ids (seg, h, seq) VALUES (?, ?, ?)"),
                        {seg, keyHash(u"event-id", e.eventId), e.sequence});
                    !r)
                    return r.error();
            }
        }
        for (const Node &n : nodes) {
            if (auto r = m_db->execute(
                    QStringLiteral("INSERT OR REPLACE INTO audit_nodes (level, idx, hash) VALUES (?, ?, ?)"),
                    {n.level, qint64(n.index), n.hash});
                !r)
                return r.error();
        }
        if (auto r = m_db->execute(
                QStringLiteral("INSERT OR REPLACE INTO audit_index_state (id, format, log_id, size, bytes, "
                               "chain, frontier) VALUES (1, ?, ?, ?, ?, ?, ?)"),
                {kFormat, m_logId, state.size, state.bytes, state.chainHead, state.frontier.toBytes()});
            !r)
            return r.error();
        return {};
    };
    auto r = m_db->transaction(work);
    if (r)
        m_covered = state.size;
    if (!r) {
        // A rolled-back transaction may have interned names the cache now points at wrongly.
        m_userRefs.clear();
    }
    return r;
}

Result<std::pair<qint64, qint64>> AuditIndex::sequenceSpan(qint64 fromMs, qint64 toMs, qint64 before) const
{
    std::lock_guard lock(m_mutex);
    auto row = m_db->queryOne(
        QStringLiteral("SELECT min(seq), max(seq) FROM audit_events WHERE seq < ? AND ms >= ? AND ms < ?"),
        {before, fromMs, toMs});
    if (!row)
        return row.error();
    if (!row->has_value() || (**row).at(0).isNull())
        return std::pair<qint64, qint64>{0, 0};
    return std::pair<qint64, qint64>{(**row).at(0).toLongLong(), (**row).at(1).toLongLong() + 1};
}

Result<std::vector<qint64>> AuditIndex::sequencesBetween(qint64 fromMs, qint64 toMs, qint64 before) const
{
    std::lock_guard lock(m_mutex);
    std::vector<qint64> out;
    auto r = m_db->forEachRow(
        QStringLiteral("SELECT seq FROM audit_events WHERE seq < ? AND ms >= ? AND ms < ? ORDER BY seq"),
        {before, fromMs, toMs}, [&](const store::Row &row) {
            out.push_back(row.at(0).toLongLong());
            return true;
        });
    if (!r)
        return r.error();
    return out;
}

Result<std::vector<qint64>> AuditIndex::sequencesForUser(const QString &userId, qint64 fromMs, qint64 toMs,
                                                         qint64 before) const
{
    std::lock_guard lock(m_mutex);
    std::vector<qint64> out;
    auto r = m_db->forEachRow(
        QStringLiteral("SELECT DISTINCT e.seq FROM audit_events e JOIN audit_users u ON u.ref = e.user_ref "
                       "WHERE u.name = ? AND e.seq < ? AND e.ms >= ? AND e.ms < ? ORDER BY e.seq"),
        {userId, before, fromMs, toMs}, [&](const store::Row &row) {
            out.push_back(row.at(0).toLongLong());
            return true;
        });
    if (!r)
        return r.error();
    return out;
}

Result<std::vector<qint64>> AuditIndex::sequencesForEntity(const QString &entityKey, qint64 before) const
{
    std::lock_guard lock(m_mutex);
    return postings(QStringLiteral("audit_entity_events"), keyHash(u"entity", entityKey), before, false);
}

Result<std::vector<qint64>> AuditIndex::lastCandidatesForEntity(const QString &entityKey, qint64 before) const
{
    std::lock_guard lock(m_mutex);
    return postings(QStringLiteral("audit_entity_events"), keyHash(u"entity", entityKey), before, true);
}

Result<std::vector<qint64>> AuditIndex::sequencesForEventId(const QString &eventId) const
{
    std::lock_guard lock(m_mutex);
    return postings(QStringLiteral("audit_event_ids"), keyHash(u"event-id", eventId), m_covered, false);
}

Result<std::optional<FrameLocation>> AuditIndex::location(qint64 sequence) const
{
    std::lock_guard lock(m_mutex);
    auto row =
        m_db->queryOne(QStringLiteral("SELECT off, len, ms FROM audit_events WHERE seq = ?"), {sequence});
    if (!row)
        return row.error();
    if (!row->has_value())
        return std::optional<FrameLocation>();
    const store::Row &r = **row;
    return std::optional<FrameLocation>(
        FrameLocation{r.at(0).toLongLong(), r.at(1).toLongLong(), r.at(2).toLongLong()});
}

Result<std::vector<FrameLocation>> AuditIndex::locations(const std::vector<qint64> &sequences) const
{
    std::vector<FrameLocation> out;
    out.reserve(sequences.size());
    for (qint64 s : sequences) {
        auto l = location(s);
        if (!l)
            return l.error();
        if (!l->has_value())
            return makeError(Error::Code::Corrupt,
                             QStringLiteral("audit index: event %1 is not indexed").arg(s));
        out.push_back(**l);
    }
    return out;
}

Result<std::optional<QByteArray>> AuditIndex::node(int level, quint64 index) const
{
    std::lock_guard lock(m_mutex);
    auto row = m_db->queryOne(QStringLiteral("SELECT hash FROM audit_nodes WHERE level = ? AND idx = ?"),
                              {level, qint64(index)});
    if (!row)
        return row.error();
    if (!row->has_value())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>((**row).at(0).toByteArray());
}

} // namespace mdp::audit::detail
