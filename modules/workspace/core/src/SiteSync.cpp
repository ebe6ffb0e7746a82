#include "SiteSync.h"

#include "WorkspacePolicies.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Hash.h"
#include "mdp/forms/SqlCipherFormStore.h"
#include "mdp/net/GrantClient.h"
#include "mdp/net/Protocol.h"
#include "mdp/policy/PolicySet.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/Permissions.h"
#include "mdp/workspace/WorkspaceConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace mdp::workspace {

namespace {

constexpr int kPayloadVersion = 1;

QString uuidText(const QUuid &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

// The catalogue's Questionnaire item type of a field (FHIR R4 Questionnaire.item.type).
QString itemType(forms::FieldType type)
{
    using forms::FieldType;
    switch (type) {
    case FieldType::Text:
        return QStringLiteral("string");
    case FieldType::Integer:
        return QStringLiteral("integer");
    case FieldType::Decimal:
        return QStringLiteral("decimal");
    case FieldType::Date:
        return QStringLiteral("date");
    case FieldType::Choice:
    case FieldType::MultiChoice:
        return QStringLiteral("choice");
    case FieldType::Code:
        return QStringLiteral("open-choice");
    case FieldType::Group:
        return QStringLiteral("group");
    case FieldType::File:
        return QStringLiteral("attachment");
    }
    return QStringLiteral("string");
}

QString bothLanguages(const forms::LocalizedText &text)
{
    if (text.zh.isEmpty() || text.en.isEmpty() || text.zh == text.en)
        return text.zh.isEmpty() ? text.en : text.zh;
    return text.zh + QLatin1Char(' ') + text.en;
}

forms::Transition transitionFrom(const QString &id)
{
    using forms::Transition;
    for (Transition t : {Transition::SaveDraft, Transition::Submit, Transition::Approve, Transition::Reject,
                         Transition::Amend, Transition::Withdraw}) {
        if (forms::transitionId(t) == id)
            return t;
    }
    return Transition::SaveDraft;
}

} // namespace

Result<bool> siteSyncEnabled(store::Database &db)
{
    auto row = db.queryOne(QStringLiteral("SELECT length(site_key) FROM server_link WHERE id = 1"));
    if (!row)
        return row.error();
    return row.value() && row.value()->at(0).toLongLong() == 32;
}

SiteSync::SiteSync(store::Database &db, forms::SqlCipherFormStore &forms,
                   accounts::AccountDirectory &accounts, Recorder record, const Clock &clock)
    : m_db(db)
    , m_forms(forms)
    , m_accounts(accounts)
    , m_record(std::move(record))
    , m_clock(clock)
{}

SiteSync::~SiteSync() = default;

void SiteSync::own(std::unique_ptr<WorkspaceConnection> connection)
{
    m_owned = std::move(connection);
}

void SiteSync::setPolicies(WorkspacePolicies *policies)
{
    m_policies = policies;
}

Result<void> SiteSync::replacePayload(const QString &entryId, const QByteArray &payload)
{
    auto written = m_db.execute(QStringLiteral("UPDATE sync_outbox SET payload = ?2 WHERE entry_id = ?1"),
                                {entryId, payload});
    if (!written)
        return written.error();
    return {};
}

Result<void> SiteSync::enqueuePolicy(const PolicyRecord &record)
{
    auto enabled = siteSyncEnabled(m_db);
    if (!enabled)
        return enabled.error();
    if (!enabled.value() || record.builtIn)
        return {};
    // The document as its exact bytes (the receiver signs those), who put it in force by name.
    const QJsonObject payload{{QStringLiteral("v"), kPayloadVersion},
                              {QStringLiteral("version"), record.version},
                              {QStringLiteral("document"), QString::fromUtf8(record.document)},
                              {QStringLiteral("installedBy"), nameOf(record.installedBy)},
                              {QStringLiteral("note"), record.note}};
    auto inserted = m_db.execute(
        QStringLiteral("INSERT INTO sync_outbox (entry_id, kind, object_id, revision, payload, created_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        {uuidText(QUuid::createUuid()), policyKind(), policyObjectId(), record.version,
         QJsonDocument(payload).toJson(QJsonDocument::Compact), m_clock.now().toMSecsSinceEpoch()});
    if (!inserted)
        return inserted.error();
    return {};
}

QString SiteSync::nameOf(const QString &accountId)
{
    const QUuid id(accountId);
    if (id.isNull())
        return accountId; // "system", or a name kept from another workstation
    auto account = m_accounts.findById(id);
    if (account && account.value())
        return account.value()->userName;
    return accountId;
}

QString SiteSync::idOf(const QString &userName)
{
    if (userName.isEmpty() || userName == QLatin1String("system"))
        return userName;
    auto account = m_accounts.find(userName);
    if (account && account.value())
        return account.value()->idString();
    return userName; // unknown here: the record keeps (and shows) the name
}

Result<void> SiteSync::enqueueRecord(const QUuid &recordId)
{
    auto enabled = siteSyncEnabled(m_db);
    if (!enabled)
        return enabled.error();
    if (!enabled.value())
        return {};
    auto state = m_forms.syncState(recordId);
    if (!state)
        return state.error();
    const forms::FormRecord &r = state->record;
    const QJsonObject record{{QStringLiteral("id"), uuidText(r.id)},
                             {QStringLiteral("formId"), r.formId},
                             {QStringLiteral("formVersion"), r.formVersion},
                             {QStringLiteral("patientId"), uuidText(r.patientId)},
                             {QStringLiteral("patientPseudonym"), r.patientPseudonym},
                             {QStringLiteral("eventId"), uuidText(r.eventId)},
                             {QStringLiteral("projectId"), r.projectId},
                             {QStringLiteral("category"), r.category},
                             {QStringLiteral("status"), forms::recordStatusId(r.status)},
                             {QStringLiteral("revision"), r.revision},
                             {QStringLiteral("formalVersion"), r.formalVersion},
                             {QStringLiteral("creator"), nameOf(r.creatorId)},
                             {QStringLiteral("owner"), nameOf(r.ownerId)},
                             {QStringLiteral("submitter"), nameOf(r.submitterId)},
                             {QStringLiteral("reviewer"), nameOf(r.reviewerId)},
                             {QStringLiteral("lastReason"), r.lastReason},
                             {QStringLiteral("values"), r.values},
                             {QStringLiteral("formalValues"), r.formalValues},
                             {QStringLiteral("createdAt"), timeText(r.createdAt)},
                             {QStringLiteral("updatedAt"), timeText(r.updatedAt)}};
    const QJsonObject payload{
        {QStringLiteral("v"), kPayloadVersion},
        {QStringLiteral("record"), record},
        {QStringLiteral("version"),
         QJsonObject{{QStringLiteral("transition"), forms::transitionId(state->transition)},
                     {QStringLiteral("actor"), nameOf(state->actorId)},
                     {QStringLiteral("reason"), state->reason},
                     {QStringLiteral("formalVersion"), state->formalVersionMade}}},
        // The receiver may not hold the form: it imports it under the same version number.
        {QStringLiteral("definition"), QJsonDocument::fromJson(state->definitionJson).object()}};
    auto inserted = m_db.execute(
        QStringLiteral("INSERT INTO sync_outbox (entry_id, kind, object_id, revision, payload, created_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        {uuidText(QUuid::createUuid()), formRecordKind(), uuidText(r.id), r.revision,
         QJsonDocument(payload).toJson(QJsonDocument::Compact), m_clock.now().toMSecsSinceEpoch()});
    if (!inserted)
        return inserted.error();
    return {};
}

Result<QList<SiteSync::Queued>> SiteSync::nextToPush(int limit)
{
    auto blocked = m_db.execute(QStringLiteral(
        "UPDATE sync_outbox SET conflict = 'blocked behind an earlier conflict of this record' "
        "WHERE conflict = '' AND object_id IN (SELECT object_id FROM sync_outbox WHERE "
        "conflict != '')"));
    if (!blocked)
        return blocked.error();
    auto rows =
        m_db.query(QStringLiteral("SELECT entry_id, kind, object_id, revision, payload FROM sync_outbox "
                                  "WHERE conflict = '' ORDER BY seq LIMIT ?1"),
                   {limit});
    if (!rows)
        return rows.error();
    QList<Queued> out;
    qint64 bytes = 0;
    for (const auto &row : rows.value()) {
        const QByteArray payload = row.at(4).toByteArray();
        // At most kMaxPushBytes a push (attachments' chunks), and always at least one entry.
        if (!out.isEmpty() && bytes + payload.size() > kMaxPushBytes)
            break;
        bytes += payload.size();
        out << Queued{row.at(0).toString(), row.at(1).toString(), row.at(2).toString(),
                      row.at(3).toLongLong(), payload};
    }
    return out;
}

Result<void> SiteSync::pushed(const QStringList &entryIds)
{
    return m_db.transaction([&]() -> Result<void> {
        for (const QString &id : entryIds) {
            if (auto removed =
                    m_db.execute(QStringLiteral("DELETE FROM sync_outbox WHERE entry_id = ?1"), {id});
                !removed)
                return removed.error();
        }
        return {};
    });
}

Result<void> SiteSync::markConflict(const QString &entryId, const QString &why)
{
    return m_db.transaction([&]() -> Result<void> {
        auto row = m_db.queryOne(
            QStringLiteral("SELECT kind, object_id, revision FROM sync_outbox WHERE entry_id = ?1"),
            {entryId});
        if (!row)
            return row.error();
        if (!row.value())
            return {};
        auto marked = m_db.execute(QStringLiteral("UPDATE sync_outbox SET conflict = ?1 WHERE entry_id = ?2"),
                                   {why, entryId});
        if (!marked)
            return marked.error();
        audit::AuditEvent event;
        event.type = QStringLiteral("sync.conflict");
        event.action = audit::AuditAction::Update;
        event.outcome = audit::AuditOutcome::MinorFailure;
        event.entities << audit::AuditEntity{row.value()->at(0).toString(), row.value()->at(1).toString()};
        event.detail = {{QStringLiteral("entry"), entryId},
                        {QStringLiteral("revision"), row.value()->at(2).toLongLong()},
                        {QStringLiteral("reason"), why}};
        return m_record(std::move(event));
    });
}

Result<qint64> SiteSync::lastSequence()
{
    auto row = m_db.queryOne(QStringLiteral("SELECT last_sequence FROM sync_state WHERE id = 1"));
    if (!row)
        return row.error();
    return row.value() ? row.value()->at(0).toLongLong() : 0;
}

Result<void> SiteSync::skip(qint64 sequence)
{
    auto moved = m_db.execute(
        QStringLiteral("UPDATE sync_state SET last_sequence = ?1 WHERE id = 1 AND last_sequence < ?1"),
        {sequence});
    if (!moved)
        return moved.error();
    return {};
}

Result<int> SiteSync::noteRevocations(const net::SiteRevocations &revocations)
{
    // Asked at every pass: read first, and write (with its event) only when a serial is new.
    // Serials are only ever added, so an older answer played back takes nothing back.
    auto kept = m_db.query(QStringLiteral("SELECT serial FROM site_revocations"));
    if (!kept)
        return kept.error();
    QSet<QString> known;
    for (const auto &row : kept.value())
        known.insert(row.at(0).toString());
    QStringList fresh;
    for (const QString &listed : revocations.serials) {
        const QString serial = normalisedSerial(listed);
        if (!serial.isEmpty() && !known.contains(serial) && !fresh.contains(serial))
            fresh << serial;
    }
    if (fresh.isEmpty())
        return 0;
    auto done = m_db.transaction([&]() -> Result<void> {
        for (const QString &serial : std::as_const(fresh)) {
            auto inserted =
                m_db.execute(QStringLiteral("INSERT OR IGNORE INTO site_revocations (serial, noted_at) "
                                            "VALUES (?1, ?2)"),
                             {serial, m_clock.now().toMSecsSinceEpoch()});
            if (!inserted)
                return inserted.error();
        }
        audit::AuditEvent event;
        event.type = QStringLiteral("pki.revocations");
        event.action = audit::AuditAction::Update;
        for (const QString &serial : std::as_const(fresh))
            event.entities << audit::AuditEntity{QStringLiteral("certificate"), serial};
        event.detail = {{QStringLiteral("new"), int(fresh.size())},
                        {QStringLiteral("issuedAt"), revocations.issuedAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("via"), QStringLiteral("site-server")}};
        return m_record(std::move(event));
    });
    if (!done)
        return done.error();
    return int(fresh.size());
}

Result<int> SiteSync::noteGrantRevocations(const net::GrantRevocations &revocations)
{
    // Never an older list than the newest taken (one played back could hide a later revocation).
    auto newest = m_db.queryOne(QStringLiteral("SELECT issued_at FROM grant_revocation_state WHERE id = 1"));
    if (!newest)
        return newest.error();
    const qint64 issued = revocations.issuedAt.toMSecsSinceEpoch();
    const qint64 newestKept = newest->has_value() ? (*newest)->at(0).toLongLong() : 0;
    if (issued < std::max(newestKept, m_newestGrantRevocations))
        return makeError(Error::Code::Tampered,
                         QStringLiteral("the site's grant revocations are older than the list taken before"));
    m_newestGrantRevocations =
        issued; // kept with the next change: a pass that changes nothing writes nothing
    if (m_timeWitness)
        m_timeWitness(revocations.issuedAt);
    auto kept = m_db.query(QStringLiteral("SELECT grant_id FROM access_grant_revocations"));
    if (!kept)
        return kept.error();
    QSet<QString> known;
    for (const auto &row : kept.value())
        known.insert(row.at(0).toString());
    QStringList fresh;
    for (const QString &id : revocations.grantIds) {
        if (!id.isEmpty() && id.size() <= 64 && !known.contains(id) && !fresh.contains(id))
            fresh << id;
    }
    if (fresh.isEmpty())
        return 0;
    auto done = m_db.transaction([&]() -> Result<void> {
        if (auto moved = m_db.execute(
                QStringLiteral(
                    "INSERT OR REPLACE INTO grant_revocation_state (id, issued_at) VALUES (1, ?1)"),
                {issued});
            !moved)
            return moved.error();
        QStringList heldHere;
        for (const QString &id : std::as_const(fresh)) {
            auto inserted = m_db.execute(QStringLiteral("INSERT OR IGNORE INTO access_grant_revocations "
                                                        "(grant_id, noted_at) VALUES (?1, ?2)"),
                                         {id, m_clock.now().toMSecsSinceEpoch()});
            if (!inserted)
                return inserted.error();
            auto held = m_db.queryOne(QStringLiteral("SELECT 1 FROM access_grants WHERE id = ?1"), {id});
            if (!held)
                return held.error();
            if (!held->has_value())
                continue;
            heldHere << id;
            auto removed = m_db.execute(QStringLiteral("DELETE FROM access_grants WHERE id = ?1"), {id});
            if (!removed)
                return removed.error();
        }
        audit::AuditEvent event;
        event.type = QStringLiteral("access.revoked");
        event.action = audit::AuditAction::Delete;
        for (const QString &id : std::as_const(heldHere))
            event.entities << audit::AuditEntity{QStringLiteral("grant"), id};
        event.detail = {{QStringLiteral("new"), int(fresh.size())},
                        {QStringLiteral("heldHere"), int(heldHere.size())},
                        {QStringLiteral("issuedAt"), revocations.issuedAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("via"), QStringLiteral("site-server")}};
        return m_record(std::move(event));
    });
    if (!done)
        return done.error();
    return int(fresh.size());
}

Result<void> SiteSync::alert(const QString &kind, const QString &reason)
{
    audit::AuditEvent event;
    event.type = audit::EventType::SecurityAlert.toString();
    event.action = audit::AuditAction::Execute;
    event.outcome = audit::AuditOutcome::SeriousFailure;
    event.detail = {{QStringLiteral("alert"), kind}, {QStringLiteral("reason"), reason}};
    return m_db.transaction([&]() -> Result<void> { return m_record(std::move(event)); });
}

QString SiteSync::normalisedSerial(const QString &serialHex)
{
    // Lower-case hex without leading zeros: the server's list, the CA's list and a certificate's own
    // serial name the same certificate alike (OpenSSL writes whole bytes, "0a1f").
    QString serial = serialHex.trimmed().toLower();
    while (serial.size() > 1 && serial.startsWith(QLatin1Char('0')))
        serial.remove(0, 1);
    return serial;
}

Result<bool> SiteSync::isRevoked(const QString &serialHex)
{
    auto row = m_db.queryOne(QStringLiteral("SELECT 1 FROM site_revocations WHERE serial = ?1"),
                             {normalisedSerial(serialHex)});
    if (!row)
        return row.error();
    return row.value().has_value();
}

bool SiteSync::isRetryable(const Error &error)
{
    switch (error.code) {
    case Error::Code::Io:
    case Error::Code::Conflict: // the database is busy
    case Error::Code::Corrupt:
    case Error::Code::Locked:
    case Error::Code::Cancelled:
    case Error::Code::Crypto:
    case Error::Code::Unknown:
        return true;
    default:
        return false;
    }
}

Result<void> SiteSync::refuse(const net::IncomingEntry &entry, const Error &why)
{
    return m_db.transaction([&]() -> Result<void> { return refuseInTransaction(entry, why); });
}

Result<void> SiteSync::refuseInTransaction(const net::IncomingEntry &entry, const Error &why)
{
    {
        audit::AuditEvent event;
        event.type = audit::EventType::SecurityAlert.toString();
        event.action = audit::AuditAction::Execute;
        event.outcome = audit::AuditOutcome::SeriousFailure;
        event.entities << audit::AuditEntity{QStringLiteral("sync-entry"), entry.entryId};
        event.detail = {
            {QStringLiteral("reason"),
             why.code == Error::Code::Tampered
                 ? QStringLiteral("a sync entry does not authenticate with the site key; it was not applied")
                 : QStringLiteral("a sync entry cannot be read or makes a change the workflow does not "
                                  "allow; it was not applied")},
            {QStringLiteral("error"), why.message.left(300)},
            {QStringLiteral("code"), Error::codeName(why.code)},
            {QStringLiteral("origin"), entry.origin},
            {QStringLiteral("kind"), entry.kind},
            {QStringLiteral("sequence"), entry.sequence},
            {QStringLiteral("revision"), entry.revision}};
        if (auto recorded = m_record(std::move(event)); !recorded)
            return recorded;
        return skip(entry.sequence);
    }
}

Result<void> SiteSync::checkPolicyAuthority(const net::IncomingEntry &entry, const QJsonObject &payload,
                                            const QByteArray &document, const QString &installedBy)
{
    auto ca = m_db.queryOne(QStringLiteral("SELECT ca_pem FROM server_link WHERE id = 1"));
    if (!ca)
        return ca.error();
    if (!ca.value())
        return makeError(Error::Code::PermissionDenied, QStringLiteral("this workstation holds no site CA"));
    const QByteArray envelope =
        QByteArray::fromBase64(payload.value(QLatin1String("envelope")).toString().toLatin1());
    if (envelope.isEmpty())
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("the policy is not signed by the workstation that put it in force"));
    auto verified = net::GrantClient::verifyDocumentEnvelope(envelope, ca.value()->at(0).toByteArray(),
                                                             m_clock.now().toUTC());
    if (!verified)
        return makeError(Error::Code::Tampered,
                         QStringLiteral("the policy's signature: %1").arg(verified.error().message));
    auto parsed = net::parseDocumentEnvelope(envelope);
    auto signer = parsed ? crypto::Certificate::fromPem(parsed->certificatePem)
                         : Result<crypto::Certificate>(parsed.error());
    if (!signer || QString::fromLatin1(signer->fingerprint().toHex()) != entry.origin)
        return makeError(
            Error::Code::Tampered,
            QStringLiteral("the policy is signed by another workstation than the one it came from"));
    auto revoked = isRevoked(signer->serialHex());
    if (!revoked)
        return revoked.error();
    if (revoked.value())
        return makeError(
            Error::Code::PermissionDenied,
            QStringLiteral("the policy is signed by a workstation certificate the site revoked"));
    if (verified->document != document || verified->publishedBy != installedBy)
        return makeError(
            Error::Code::Tampered,
            QStringLiteral("the signed policy is not the one in the entry, or names another installer"));
    auto installer = m_accounts.find(installedBy);
    if (!installer)
        return installer.error();
    QStringList roles;
    if (installer->has_value() && !installer->value().locked) {
        for (const accounts::Role role : installer->value().roles)
            roles << accounts::roleId(role);
    }
    if (!rolesAllow(roles, Permission::ManagePolicy))
        return makeError(
            Error::Code::PermissionDenied,
            QStringLiteral("%1 may not put a policy in force on this workstation").arg(installedBy));
    return {};
}

Result<void> SiteSync::refusePolicy(const net::IncomingEntry &entry, const Error &why)
{
    audit::AuditEvent event;
    event.type = audit::EventType::SecurityAlert.toString();
    event.action = audit::AuditAction::Execute;
    event.outcome = audit::AuditOutcome::SeriousFailure;
    event.entities << audit::AuditEntity{QStringLiteral("sync-entry"), entry.entryId};
    event.entities << audit::AuditEntity{QStringLiteral("policy"), QStringLiteral("in-force")};
    event.detail = {{QStringLiteral("reason"), QStringLiteral("a policy from the site sync fails the checks "
                                                              "of an install; it was not put in force")},
                    {QStringLiteral("error"), why.message.left(300)},
                    {QStringLiteral("code"), Error::codeName(why.code)},
                    {QStringLiteral("origin"), entry.origin},
                    {QStringLiteral("kind"), entry.kind},
                    {QStringLiteral("sequence"), entry.sequence},
                    {QStringLiteral("version"), entry.revision}};
    if (auto recorded = m_record(std::move(event)); !recorded)
        return recorded;
    return skip(entry.sequence);
}

Result<SiteSync::PolicyOutcome> SiteSync::applyPolicy(const net::IncomingEntry &entry,
                                                      const QJsonObject &payload)
{
    // The cipher binds the metadata; the payload must say the same.
    if (entry.objectId != policyObjectId() ||
        payload.value(QLatin1String("version")).toInteger() != entry.revision)
        return makeError(
            Error::Code::Tampered,
            QStringLiteral("sync entry %1 names another policy version inside").arg(entry.entryId));
    if (!m_policies) {
        if (auto skipped = skip(entry.sequence); !skipped)
            return skipped.error();
        return PolicyOutcome{Applied::Unchanged, {}};
    }
    const QByteArray document = payload.value(QLatin1String("document")).toString().toUtf8();
    const QString installedByName = payload.value(QLatin1String("installedBy")).toString().left(200);
    auto highest = m_db.queryOne(QStringLiteral("SELECT MAX(version) FROM policies"));
    if (!highest)
        return highest.error();
    // Newer than the version in force and than any stored here (one refused at open keeps its number).
    const int current =
        std::max(m_policies->versionInForce(), highest.value() ? highest.value()->at(0).toInt() : 0);
    if (entry.revision <= current) {
        if (auto skipped = skip(entry.sequence); !skipped)
            return skipped.error();
        return PolicyOutcome{Applied::Unchanged, {}};
    }
    // The relay takes a version at most 1000 past the site's; here only an absolute bound, so a version
    // refused here (an installer unknown here) does not make every later one look too far ahead.
    if (entry.revision > kMaxPolicyVersion) {
        if (auto refused = refusePolicy(
                entry,
                makeError(
                    Error::Code::InvalidArgument,
                    QStringLiteral("version %1 is above %2").arg(entry.revision).arg(kMaxPolicyVersion)));
            !refused)
            return refused.error();
        return PolicyOutcome{Applied::Refused, {}};
    }
    // Checked as install() checks a bare document, then signed here with this workspace's own key:
    // the site key proves it came from the site, not that it is a sound policy.
    auto checked = WorkspacePolicies::checkDocument(document, current);
    if (checked && checked->version() != entry.revision)
        checked = makeError(Error::Code::Tampered,
                            QStringLiteral("the document states version %1").arg(checked->version()));
    // Who says so: the site key only proves the entry came from someone of the site. The policy must
    // be signed by the workstation it came from (a certificate of the site CA, the entry's origin),
    // and put in force there by someone who may manage policies here too.
    if (checked) {
        if (auto authority = checkPolicyAuthority(entry, payload, document, installedByName); !authority)
            checked = authority.error();
    }
    if (!checked) {
        if (auto refused = refusePolicy(entry, checked.error()); !refused)
            return refused.error();
        return PolicyOutcome{Applied::Refused, {}};
    }
    auto envelope = m_policies->signedEnvelope(document);
    if (!envelope)
        return envelope.error();
    PolicyRecord record;
    record.version = checked->version();
    record.issued = checked->issued();
    record.issuer = checked->issuer();
    record.installedBy = idOf(installedByName);
    record.installedAt = m_clock.now().toUTC();
    record.keyId = m_policies->keyId();
    record.note = payload.value(QLatin1String("note")).toString().left(500);
    record.document = document;
    auto written =
        m_db.execute(QStringLiteral("INSERT INTO policies (version, signed, installed_at, installed_by, "
                                    "note) VALUES (?1, ?2, ?3, ?4, ?5)"),
                     {record.version, envelope.value(), record.installedAt, record.installedBy, record.note});
    if (!written)
        return written.error();
    // As WorkspacePolicies records an install ("policy:installed" names the newest version ever
    // installed, which the next open checks), with where it came from; the note stays out (free text).
    audit::AuditEvent event;
    event.type = QStringLiteral("policy.install");
    event.action = audit::AuditAction::Update;
    event.entities << audit::AuditEntity{QStringLiteral("policy"), QString::number(record.version)}
                   << audit::AuditEntity{QStringLiteral("policy"), QStringLiteral("in-force")}
                   << audit::AuditEntity{QStringLiteral("policy"), QStringLiteral("installed")};
    event.detail = {{QStringLiteral("version"), record.version},
                    {QStringLiteral("previous"), current},
                    {QStringLiteral("issuer"), record.issuer.left(200)},
                    {QStringLiteral("sm3"),
                     QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sm3, document).toHex())},
                    {QStringLiteral("key"), record.keyId},
                    {QStringLiteral("signed"), QStringLiteral("site-sync")},
                    {QStringLiteral("via"), QStringLiteral("site-sync")},
                    {QStringLiteral("origin"), entry.origin},
                    {QStringLiteral("sequence"), entry.sequence},
                    {QStringLiteral("installedBy"), installedByName}};
    if (auto recorded = m_record(std::move(event)); !recorded)
        return recorded.error();
    if (auto skipped = skip(entry.sequence); !skipped)
        return skipped.error();
    return PolicyOutcome{Applied::Yes, record};
}

Result<SiteSync::Applied> SiteSync::apply(const net::IncomingEntry &entry, const QByteArray &plaintext)
{
    if (entry.kind == policyKind()) {
        PolicyOutcome outcome{Applied::Unchanged, {}};
        auto done = m_db.transaction([&]() -> Result<void> {
            const QJsonObject payload = QJsonDocument::fromJson(plaintext).object();
            if (payload.value(QLatin1String("v")).toInt() != kPayloadVersion)
                return skip(entry.sequence); // a payload this version does not know: passed over
            auto applied = applyPolicy(entry, payload);
            if (!applied)
                return applied.error();
            outcome = std::move(applied.value());
            return {};
        });
        if (!done)
            return done.error();
        // Committed: in force in this workspace's engine too (what is stored decides at the next open).
        if (outcome.applied == Applied::Yes)
            m_policies->adoptFromSite(outcome.record);
        return outcome.applied;
    }
    if (isRegistryKind(entry.kind)) {
        // Parked for the workspace (identity and the vault are not reachable from here), in relay
        // order, with the sequence that passes it: both or neither.
        auto parked = m_db.transaction([&]() -> Result<void> {
            // A file has at most 200 chunks (its 200 MiB limit): a flood of chunks is not kept.
            if (entry.kind == attachmentKind() && (entry.revision < 1 || entry.revision > 200))
                return refuseInTransaction(entry, makeError(Error::Code::InvalidArgument,
                                                            QStringLiteral("a file's chunk numbered past the "
                                                                           "attachment limit")));
            auto kept = m_db.execute(
                QStringLiteral(
                    "INSERT OR IGNORE INTO sync_parked (sequence, entry_id, kind, object_id, "
                    "revision, origin, payload, parked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
                {entry.sequence, entry.entryId, entry.kind, entry.objectId, entry.revision, entry.origin,
                 plaintext, m_clock.now().toMSecsSinceEpoch()});
            if (!kept)
                return kept.error();
            return skip(entry.sequence);
        });
        if (!parked)
            return parked.error();
        return Applied::Yes;
    }
    bool applied = false;
    QString refusal; // a fault of the entry: refused in this transaction, with its alert
    auto done = m_db.transaction([&]() -> Result<void> {
        const QJsonObject payload = QJsonDocument::fromJson(plaintext).object();
        if (entry.kind != formRecordKind() || payload.value(QLatin1String("v")).toInt() != kPayloadVersion)
            return skip(entry.sequence); // a kind this version does not know: passed over, not guessed at
        const auto refuse = [&](const QString &why) -> Result<void> {
            refusal = why;
            return refuseInTransaction(entry, makeError(Error::Code::PermissionDenied, why));
        };
        const QJsonObject in = payload.value(QLatin1String("record")).toObject();
        const QJsonObject version = payload.value(QLatin1String("version")).toObject();
        forms::SqlCipherFormStore::SyncState state;
        forms::FormRecord &r = state.record;
        r.id = QUuid(in.value(QLatin1String("id")).toString());
        r.revision = in.value(QLatin1String("revision")).toInt();
        // The cipher binds the metadata; the payload must say the same.
        if (uuidText(r.id) != entry.objectId || r.revision != entry.revision)
            return refuse(QStringLiteral("the entry names another record or revision inside"));
        r.formId = in.value(QLatin1String("formId")).toString();
        r.formVersion = in.value(QLatin1String("formVersion")).toInt();
        r.patientId = QUuid(in.value(QLatin1String("patientId")).toString());
        r.patientPseudonym = in.value(QLatin1String("patientPseudonym")).toString();
        r.eventId = QUuid(in.value(QLatin1String("eventId")).toString());
        r.projectId = in.value(QLatin1String("projectId")).toString();
        r.category = in.value(QLatin1String("category")).toString();
        const auto status = forms::recordStatusFromId(in.value(QLatin1String("status")).toString());
        if (!status)
            return refuse(QStringLiteral("the entry's record has an unknown status"));
        r.status = *status;
        r.formalVersion = in.value(QLatin1String("formalVersion")).toInt();
        r.creatorId = idOf(in.value(QLatin1String("creator")).toString());
        r.ownerId = idOf(in.value(QLatin1String("owner")).toString());
        r.submitterId = idOf(in.value(QLatin1String("submitter")).toString());
        r.reviewerId = idOf(in.value(QLatin1String("reviewer")).toString());
        r.lastReason = in.value(QLatin1String("lastReason")).toString();
        r.values = in.value(QLatin1String("values")).toObject();
        r.formalValues = in.value(QLatin1String("formalValues")).toObject();
        r.createdAt = timeFrom(in.value(QLatin1String("createdAt")));
        r.updatedAt = timeFrom(in.value(QLatin1String("updatedAt")));
        state.transition = transitionFrom(version.value(QLatin1String("transition")).toString());
        state.actorId = idOf(version.value(QLatin1String("actor")).toString());
        state.reason = version.value(QLatin1String("reason")).toString();
        state.formalVersionMade = version.value(QLatin1String("formalVersion")).toInt();
        state.definitionJson = QJsonDocument(payload.value(QLatin1String("definition")).toObject())
                                   .toJson(QJsonDocument::Compact);
        QString why;
        auto written = m_forms.applySyncState(state, &why);
        if (!written)
            return written.error();
        if (!why.isEmpty())
            return refuse(why);
        applied = written.value();
        if (applied) {
            // Which record, from where, at which revision: no patient identifier, no value.
            audit::AuditEvent event;
            event.type = QStringLiteral("sync.apply");
            event.action = audit::AuditAction::Update;
            event.entities << audit::AuditEntity{QStringLiteral("form-record"), entry.objectId};
            event.detail = {{QStringLiteral("origin"), entry.origin},
                            {QStringLiteral("kind"), entry.kind},
                            {QStringLiteral("revision"), entry.revision},
                            {QStringLiteral("sequence"), entry.sequence},
                            {QStringLiteral("status"), forms::recordStatusId(r.status)}};
            if (auto recorded = m_record(std::move(event)); !recorded)
                return recorded;
        }
        return skip(entry.sequence);
    });
    if (!done)
        return done.error();
    m_lastRefusal = refusal;
    if (!refusal.isEmpty())
        return Applied::Refused;
    return applied ? Applied::Yes : Applied::Unchanged;
}

Result<QJsonArray> SiteSync::catalogue()
{
    auto definitions = m_forms.definitions();
    if (!definitions)
        return definitions.error();
    const std::shared_ptr<const policy::PolicySet> set = m_policies ? m_policies->policyInForce() : nullptr;
    // The server's schema: ids and link ids of a restricted alphabet, at most 500 forms of 2000 items.
    static const QRegularExpression formId(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$"));
    static const QRegularExpression linkId(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
    QJsonArray out;
    for (const forms::FormDefinition &form : definitions.value()) {
        if (out.size() >= 500)
            break;
        if (!formId.match(form.id).hasMatch())
            continue;
        QJsonArray items;
        for (const ClassifiedItem &item : WorkspacePolicies::classifyForm(form, set.get())) {
            const QString path = item.key.mid(form.id.size() + 6); // after "form:<id>/"
            const forms::FieldDefinition *field = form.field(path);
            if (!field || !linkId.match(path).hasMatch() || items.size() >= 2000)
                continue;
            QJsonObject entry{
                {QStringLiteral("linkId"), path},
                {QStringLiteral("type"), itemType(field->type)},
                {QStringLiteral("classification"),
                 QJsonObject{{QStringLiteral("level"), item.inForce.level},
                             {QStringLiteral("category"), policy::categoryId(item.inForce.category)}}}};
            const QString text = bothLanguages(field->label).left(200);
            if (!text.isEmpty())
                entry.insert(QStringLiteral("text"), text);
            items.append(entry);
        }
        const QString title = bothLanguages(form.title).left(200);
        out.append(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Questionnaire")},
                               {QStringLiteral("id"), form.id},
                               {QStringLiteral("version"), QString::number(form.version)},
                               {QStringLiteral("title"), title.isEmpty() ? form.id : title},
                               {QStringLiteral("status"), QStringLiteral("active")},
                               {QStringLiteral("item"), items}});
    }
    return out;
}

Result<qint64> SiteSync::joinSite()
{
    qint64 queued = 0;
    auto done = m_db.transaction([&]() -> Result<void> {
        auto joined =
            m_db.queryOne(QStringLiteral("SELECT value FROM mdp_meta WHERE key = 'site_sync_joined'"));
        if (!joined)
            return joined.error();
        if (joined.value())
            return {};
        auto ids = m_db.query(QStringLiteral("SELECT id FROM forms_records ORDER BY rowid"));
        if (!ids)
            return ids.error();
        for (const auto &row : ids.value()) {
            const QUuid id = QUuid::fromString(row.at(0).toString());
            if (auto enqueued = enqueueRecord(id); !enqueued)
                return enqueued;
            ++queued;
        }
        auto marked = m_db.execute(
            QStringLiteral("INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('site_sync_joined', 1)"));
        if (!marked)
            return marked.error();
        audit::AuditEvent event;
        event.type = QStringLiteral("sync.join");
        event.action = audit::AuditAction::Create;
        event.detail = {{QStringLiteral("records"), queued}};
        return m_record(std::move(event));
    });
    if (!done)
        return done.error();
    return queued;
}

Result<SiteSync::Counts> SiteSync::counts()
{
    Counts counts;
    auto row = m_db.queryOne(QStringLiteral(
        "SELECT (SELECT count(*) FROM sync_outbox WHERE conflict = ''), (SELECT count(*) FROM sync_outbox "
        "WHERE conflict != ''), (SELECT last_sequence FROM sync_state WHERE id = 1), "
        "coalesce((SELECT conflict FROM sync_outbox WHERE conflict != '' ORDER BY seq DESC LIMIT 1), ''), "
        "(SELECT count(*) FROM sync_parked WHERE kind != 'attachment')"));
    if (!row)
        return row.error();
    if (row.value()) {
        counts.pending = row.value()->at(0).toLongLong();
        counts.conflicts = row.value()->at(1).toLongLong();
        counts.lastSequence = row.value()->at(2).toLongLong();
        counts.lastConflict = row.value()->at(3).toString();
        counts.parked = row.value()->at(4).toLongLong();
    }
    return counts;
}

} // namespace mdp::workspace
