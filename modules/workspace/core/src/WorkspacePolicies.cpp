#include "WorkspacePolicies.h"

#include "AccessGate.h"
#include "Authorizer.h"
#include "OneTransaction.h"
#include "WorkspaceLogging.h"

#include "mdp/audit/AuditEvent.h"
#include "mdp/crypto/Hash.h"
#include "mdp/deid/TextDeidentifier.h"
#include "mdp/forms/FormStore.h"
#include "mdp/policy/PolicySet.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/Sm2CheckpointSigner.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::workspace {

namespace {

using policy::Classification;
using policy::ClassificationSubject;

constexpr int kMaxReason = 500;
constexpr qsizetype kMaxPolicyBytes = 4 * 1024 * 1024;
constexpr qsizetype kMaxDecidedFields = 20000;

const QString kRequest = QStringLiteral("classification.request");
const QString kReview = QStringLiteral("classification.review");
const QString kMatch = QStringLiteral("classification.match");
const QString kDecide = QStringLiteral("classification.decide");
const QString kInstall = QStringLiteral("policy.install");
const QString kRefused = QStringLiteral("policy.refused");

// The subjects that are not form fields: identifiers the registry holds, attached documents, image
// series and values the workstation derives.
struct FixedSubject
{
    const char *key;
    ClassificationSubject::Kind kind;
    const char *label; // Chinese and English, as the rules read them
    const char *group;
};
constexpr FixedSubject kFixedSubjects[] = {
    {"identifier:name", ClassificationSubject::Kind::Identifier, "患者姓名 Patient name", "identifiers"},
    {"identifier:resident-id", ClassificationSubject::Kind::Identifier, "居民身份证号 Resident ID number",
     "identifiers"},
    {"identifier:phone", ClassificationSubject::Kind::Identifier, "联系电话 Phone number", "identifiers"},
    {"identifier:address", ClassificationSubject::Kind::Identifier, "住址 Address", "identifiers"},
    {"identifier:medical-record-number", ClassificationSubject::Kind::Identifier,
     "病案号 Medical record number", "identifiers"},
    {"document:attachment", ClassificationSubject::Kind::Document, "附件文档 Attached documents",
     "documents"},
    {"image:series", ClassificationSubject::Kind::ImageSeries, "影像序列 Image series", "images"},
    {"derived:age-at-diagnosis", ClassificationSubject::Kind::DerivedValue, "诊断年龄 Age at diagnosis",
     "derived"},
};

QString stateId(ClassificationRequest::State state)
{
    switch (state) {
    case ClassificationRequest::State::Requested:
        return QStringLiteral("requested");
    case ClassificationRequest::State::Reviewed:
        return QStringLiteral("reviewed");
    case ClassificationRequest::State::Rejected:
        return QStringLiteral("rejected");
    case ClassificationRequest::State::Decided:
        return QStringLiteral("decided");
    }
    return {};
}

ClassificationRequest::State stateFrom(const QString &id)
{
    if (id == u"reviewed")
        return ClassificationRequest::State::Reviewed;
    if (id == u"rejected")
        return ClassificationRequest::State::Rejected;
    if (id == u"decided")
        return ClassificationRequest::State::Decided;
    return ClassificationRequest::State::Requested;
}

// A classification as a caller gave it: a known category, a sub-kind of it or none, a level 1-5.
Result<void> checkClassification(const Classification &c)
{
    if (c.level < policy::kMinLevel || c.level > policy::kMaxLevel)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("a level is 1 to 5"));
    if (!c.subKind.isEmpty() && !policy::subKinds(c.category).contains(c.subKind))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("\"%1\" is not a sub-kind of %2")
                             .arg(c.subKind.left(40), policy::categoryId(c.category)));
    return {};
}

QJsonObject classificationJson(const Classification &c)
{
    QJsonObject o{{QStringLiteral("category"), policy::categoryId(c.category)},
                  {QStringLiteral("level"), c.level}};
    if (!c.subKind.isEmpty())
        o.insert(QStringLiteral("subKind"), c.subKind);
    return o;
}

// Free text staff write (reasons, notes) may name a patient: it reaches the audit trail only
// de-identified.
QString auditText(const QString &text)
{
    return deid::deidentify(text.left(kMaxReason));
}

// An audit entity id takes letters, digits and ._:- only. A key maps without collisions: '/' becomes
// ':' and '_' becomes "--" (field paths hold no '-'); anything else outside the set becomes '-'. The
// event's detail keeps the key itself.
QString entityIdOf(const QString &key)
{
    QString out;
    out.reserve(key.size() + 8);
    for (const QChar c : QStringView(key).left(180)) {
        const char16_t u = c.unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.' ||
            u == u':' || u == u'-')
            out += c;
        else if (u == u'/')
            out += QLatin1Char(':');
        else if (u == u'_')
            out += QStringLiteral("--");
        else
            out += QLatin1Char('-');
    }
    return out;
}

// What no policy put in force on a workstation may give up, whoever signs it (R-5.2d, R-6.6.4, R-7.2.4c):
// the consent and untrusted-workstation deny rules; researchers and ethics reviewers reach data only
// through grants and see nothing above level 1 raw; only data managers read past a withdrawn consent.
Result<void> checkGuardrails(const policy::PolicySet &candidate)
{
    const auto refuse = [](const QString &why) {
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the policy would widen access: ") + why);
    };
    for (const char *rule : {"consent-withdrawn", "untrusted-workstation"}) {
        const auto &rules = candidate.denyRules();
        if (std::none_of(rules.cbegin(), rules.cend(),
                         [&](const policy::DenyRule &r) { return r.id == QLatin1StringView(rule); }))
            return refuse(QStringLiteral("the deny rule \"%1\" is missing").arg(QLatin1StringView(rule)));
    }
    for (const policy::RoleRule &role : candidate.roles()) {
        const bool grantBound = role.role == u"researcher" || role.role == u"ethics-reviewer";
        if (grantBound && (role.scope != policy::Scope::Grant || role.rawCeiling > 1 || role.reach > 0))
            return refuse(
                QStringLiteral("%1 must reach data through grants only, level 1 raw at most").arg(role.role));
        if (role.ignoresConsent && role.role != u"data-manager")
            return refuse(
                QStringLiteral("only data managers may read past a withdrawn consent (%1)").arg(role.role));
    }
    return {};
}

// The built-in default as a policy record (what is in force before any version is stored).
PolicyRecord builtInRecord(const policy::PolicySet &set)
{
    PolicyRecord r;
    r.version = set.version();
    r.issued = set.issued();
    r.issuer = set.issuer();
    r.document = set.document();
    r.builtIn = true;
    return r;
}

QString sm3Hex(QByteArrayView bytes)
{
    return QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sm3, bytes).toHex());
}

} // namespace

QString requestStateId(ClassificationRequest::State state)
{
    return stateId(state);
}

WorkspacePolicies::WorkspacePolicies(store::Database &db, AuditOutbox &outbox, Recorder record,
                                     std::function<std::optional<int>()> lastInstalled,
                                     const Authorizer *guard, AccessGate &gate, forms::FormStore &forms,
                                     Sm2CheckpointSigner &signer, const Clock &clock, QString nodeId)
    : m_db(db)
    , m_outbox(outbox)
    , m_record(std::move(record))
    , m_lastInstalled(std::move(lastInstalled))
    , m_guard(guard)
    , m_gate(gate)
    , m_forms(forms)
    , m_signer(signer)
    , m_clock(clock)
    , m_nodeId(std::move(nodeId))
{
    if (const auto builtIn = m_gate.engine().policy())
        m_inForce = builtInRecord(*builtIn);
}

Result<QByteArray> WorkspacePolicies::signedEnvelope(const QByteArray &document)
{
    policy::SignedPolicy sp;
    sp.document = document;
    sp.signature = m_signer.sign(policy::policySigningMessage(document));
    sp.keyFingerprint = m_signer.keyId().toLatin1();
    if (sp.signature.isEmpty())
        return makeError(Error::Code::Crypto, QStringLiteral("the policy could not be signed"));
    return sp.toJson();
}

bool WorkspacePolicies::verifies(QByteArrayView message, QByteArrayView signature) const
{
    return m_signer.verify(message, signature);
}

policy::ClassificationSubject WorkspacePolicies::fieldSubject(const forms::FieldDefinition &field,
                                                              const QString &path)
{
    ClassificationSubject subject;
    subject.kind = field.calculate.isEmpty() ? ClassificationSubject::Kind::Field
                                             : ClassificationSubject::Kind::DerivedValue;
    subject.id = path.section(QLatin1Char('.'), -1); // the rules read the field's own id
    subject.label = field.label.zh + QLatin1Char(' ') + field.label.en;
    subject.declaredCategory = field.classification.category;
    subject.declaredLevel = field.classification.level;
    return subject;
}

QString WorkspacePolicies::fieldKey(const QString &formId, const QString &path)
{
    return QStringLiteral("form:") + formId + QLatin1Char('/') + path;
}

Result<QList<WorkspacePolicies::Stored>> WorkspacePolicies::stored() const
{
    auto rows =
        m_db.query(QStringLiteral("SELECT version, signed, installed_at, installed_by, note FROM policies "
                                  "ORDER BY version DESC"));
    if (!rows)
        return rows.error();
    QList<Stored> out;
    for (const store::Row &row : rows.value()) {
        Stored s;
        s.envelope = row.value(1).toByteArray();
        s.record.version = row.value(0).toInt();
        s.record.installedAt = QDateTime::fromString(row.value(2).toString(), Qt::ISODateWithMs);
        s.record.installedBy = row.value(3).toString();
        s.record.note = row.value(4).toString();
        out << s;
    }
    return out;
}

Result<void> WorkspacePolicies::recordEvent(const QString &type, int action, const QString &entityType,
                                            const QString &entityId, const QJsonObject &detail) const
{
    audit::AuditEvent event;
    event.type = type;
    event.action = audit::AuditAction(action);
    if (!entityId.isEmpty())
        event.entities << audit::AuditEntity{entityType, entityIdOf(entityId)};
    // Every change of the policy in force can be found under one datum, "policy:in-force".
    if (entityType == u"policy")
        event.entities << audit::AuditEntity{entityType, QStringLiteral("in-force")};
    // The last of these names the newest version ever installed: a stored version deleted or
    // altered later is noticed at the next open (load()).
    if (type == kInstall)
        event.entities << audit::AuditEntity{entityType, QStringLiteral("installed")};
    event.detail = detail;
    if (entityType == u"classification")
        event.detail.insert(QStringLiteral("subject"), entityId.left(200));
    return m_record(std::move(event));
}

void WorkspacePolicies::recordRefusal(const Error &error, const QString &operation,
                                      const QString &detail) const
{
    audit::AuditEvent event;
    event.type = kRefused;
    event.action = audit::AuditAction::Update;
    event.outcome = error.code == Error::Code::Tampered || error.code == Error::Code::RolledBack
                        ? audit::AuditOutcome::SeriousFailure
                        : audit::AuditOutcome::MinorFailure;
    event.entities << audit::AuditEntity{QStringLiteral("policy"), QStringLiteral("in-force")};
    event.detail.insert(QStringLiteral("operation"), operation);
    event.detail.insert(QStringLiteral("code"), Error::codeName(error.code));
    event.detail.insert(QStringLiteral("reason"), error.message.left(300));
    if (!detail.isEmpty())
        event.detail.insert(QStringLiteral("document"), detail);
    if (auto recorded = m_record(std::move(event)); !recorded)
        qCWarning(lcWorkspace) << "a refused policy could not be recorded:" << recorded.error().toString();
}

Result<void> WorkspacePolicies::load()
{
    auto versions = stored();
    if (!versions)
        return versions.error();
    const auto check = [this](QByteArrayView m, QByteArrayView s) { return verifies(m, s); };
    for (const Stored &s : versions.value()) {
        auto envelope = policy::SignedPolicy::fromJson(s.envelope);
        auto accepted = envelope ? policy::acceptSignedPolicy(envelope.value(), check, 0)
                                 : Result<policy::PolicySet>(envelope.error());
        if (!accepted || accepted->version() != s.record.version) {
            // Altered in the database (or written by another key): refused, and the version before
            // it is tried. Recorded, since nobody but the workspace writes that table.
            const Error why = accepted ? makeError(Error::Code::Tampered,
                                                   QStringLiteral("the stored version number was changed"))
                                       : accepted.error();
            qCWarning(lcWorkspace) << "stored policy version" << s.record.version
                                   << "refused:" << why.toString();
            recordRefusal(why, QStringLiteral("policy.load"), QString::number(s.record.version));
            continue;
        }
        PolicyRecord record = s.record;
        record.issued = accepted->issued();
        record.issuer = accepted->issuer();
        record.keyId = QString::fromLatin1(envelope->keyFingerprint);
        record.document = accepted->document();
        putInForce(record, [&] {
            m_gate.engine().setPolicy(accepted.value());
            return true;
        });
        break;
    }
    noticeRollback();
    return {};
}

void WorkspacePolicies::noticeRollback() const
{
    const std::optional<int> installed = m_lastInstalled ? m_lastInstalled() : std::nullopt;
    const int inForceVersion = inForce().version;
    if (!installed || *installed <= inForceVersion)
        return;
    const Error rolledBack =
        makeError(Error::Code::RolledBack,
                  QStringLiteral("policy version %1 was installed, but version %2 is the newest "
                                 "stored one that verifies: a newer version was removed or altered")
                      .arg(*installed)
                      .arg(inForceVersion));
    qCWarning(lcWorkspace) << rolledBack.message;
    recordRefusal(rolledBack, QStringLiteral("policy.load"), QString::number(*installed));
}

PolicyRecord WorkspacePolicies::inForce() const
{
    std::lock_guard lock(m_inForceMutex);
    return m_inForce;
}

bool WorkspacePolicies::putInForce(const PolicyRecord &record, const std::function<bool()> &engineChange)
{
    // The engine's change and the record that describes it under one lock: two versions put in force
    // at once (an install here, one from the site) cannot leave the record of one over the other's
    // engine.
    std::lock_guard lock(m_inForceMutex);
    if (!engineChange())
        return false;
    m_inForce = record;
    return true;
}

void WorkspacePolicies::setSyncQueue(SyncQueue queue)
{
    m_syncQueue = std::move(queue);
}

int WorkspacePolicies::versionInForce() const
{
    return m_gate.engine().policyVersion();
}

std::shared_ptr<const policy::PolicySet> WorkspacePolicies::policyInForce() const
{
    return m_gate.engine().policy();
}

QString WorkspacePolicies::keyId() const
{
    return m_signer.keyId();
}

Result<policy::PolicySet> WorkspacePolicies::checkDocument(const QByteArray &json, int current)
{
    if (json.size() > kMaxPolicyBytes)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("a policy is at most 4 MiB"));
    auto parsed = policy::PolicySet::parse(json);
    if (!parsed)
        return parsed.error();
    if (parsed->version() <= current)
        return makeError(Error::Code::RolledBack,
                         QStringLiteral("policy version %1 is not newer than version %2 in force")
                             .arg(parsed->version())
                             .arg(current));
    if (auto guarded = checkGuardrails(parsed.value()); !guarded)
        return guarded.error();
    if (parsed->fieldClassifications().size() > kMaxDecidedFields)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a policy decides at most 20 000 subjects"));
    return parsed;
}

void WorkspacePolicies::adoptFromSite(const PolicyRecord &record)
{
    auto parsed = policy::PolicySet::parse(record.document);
    if (!parsed || parsed->version() != record.version)
        return; // checked before it was stored: cannot happen; the next open decides
    // A version put in force here meanwhile wins when it is newer (replacePolicy refuses older).
    for (int attempt = 0; attempt < 4; ++attempt) {
        const int current = m_gate.engine().policyVersion();
        if (current >= record.version)
            return;
        if (putInForce(record, [&] { return m_gate.engine().replacePolicy(parsed.value(), current); }))
            return;
    }
}

Result<QList<PolicyRecord>> WorkspacePolicies::history() const
{
    if (!(m_guard->allows(Permission::ManagePolicy) || m_guard->allows(Permission::ReadAuditTrail))) {
        if (auto ok = m_guard->require(Permission::ManagePolicy, u"policy.history"); !ok)
            return ok.error();
    }
    auto versions = stored();
    if (!versions)
        return versions.error();
    QList<PolicyRecord> out;
    for (Stored &s : versions.value()) {
        auto envelope = policy::SignedPolicy::fromJson(s.envelope);
        if (envelope) {
            s.record.document = envelope->document;
            s.record.keyId = QString::fromLatin1(envelope->keyFingerprint);
            if (auto parsed = policy::PolicySet::parse(envelope->document)) {
                s.record.issued = parsed->issued();
                s.record.issuer = parsed->issuer();
            }
        }
        out << s.record;
    }
    if (auto parsed = policy::PolicySet::parse(policy::PolicySet::defaultDocument()))
        out << builtInRecord(parsed.value());
    return out;
}

Result<PolicyRecord> WorkspacePolicies::store(const QByteArray &document, const QByteArray &envelope,
                                              const QString &note, const QString &how)
{
    auto principal = m_guard->require(Permission::ManagePolicy, u"policy.install");
    if (!principal)
        return principal.error();
    auto parsed = policy::PolicySet::parse(document);
    if (!parsed)
        return parsed.error();
    const int previous = m_gate.engine().policyVersion();
    PolicyRecord record;
    record.version = parsed->version();
    record.issued = parsed->issued();
    record.issuer = parsed->issuer();
    record.installedBy = principal->accountId;
    record.installedAt = m_clock.now().toUTC();
    record.keyId = m_signer.keyId();
    record.note = note.left(kMaxReason);
    record.document = document;
    auto written =
        m_db.execute(QStringLiteral("INSERT INTO policies (version, signed, installed_at, installed_by, "
                                    "note) VALUES (?1, ?2, ?3, ?4, ?5)"),
                     {record.version, envelope, record.installedAt, record.installedBy, record.note});
    if (!written)
        return written.error();
    QJsonObject detail{{QStringLiteral("version"), record.version},
                       {QStringLiteral("previous"), previous},
                       {QStringLiteral("issuer"), record.issuer.left(200)},
                       {QStringLiteral("sm3"), sm3Hex(document)},
                       {QStringLiteral("key"), record.keyId},
                       {QStringLiteral("signed"), how}};
    if (!note.isEmpty())
        detail.insert(QStringLiteral("note"), auditText(note));
    if (auto recorded = recordEvent(kInstall, int(audit::AuditAction::Update), QStringLiteral("policy"),
                                    QString::number(record.version), detail);
        !recorded)
        return recorded.error();
    // Pushed to the site's other workstations: queued in this very transaction.
    if (m_syncQueue) {
        if (auto queued = m_syncQueue(record); !queued)
            return queued.error();
    }
    return record;
}

Result<PolicyRecord> WorkspacePolicies::install(const QByteArray &json, const QString &note)
{
    auto principal = m_guard->require(Permission::ManagePolicy, u"policy.install");
    if (!principal)
        return principal.error();
    const int current = m_gate.engine().policyVersion();
    const auto check = [this](QByteArrayView m, QByteArrayView s) { return verifies(m, s); };
    if (json.size() > kMaxPolicyBytes) {
        const Error tooLarge =
            makeError(Error::Code::InvalidArgument, QStringLiteral("a policy is at most 4 MiB"));
        recordRefusal(tooLarge, QStringLiteral("policy.install"), QString());
        return tooLarge;
    }

    QByteArray document;
    QByteArray envelope;
    QString how;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.contains(u"signature")) {
        auto signedPolicy = policy::SignedPolicy::fromJson(json);
        auto accepted = signedPolicy ? policy::acceptSignedPolicy(signedPolicy.value(), check, current)
                                     : Result<policy::PolicySet>(signedPolicy.error());
        if (!accepted) {
            recordRefusal(accepted.error(), QStringLiteral("policy.install"), sm3Hex(json));
            return accepted.error();
        }
        document = signedPolicy->document;
        envelope = json;
        how = QStringLiteral("envelope");
    } else {
        // The same checks the site sync makes on a version another workstation put in force.
        auto checked = checkDocument(json, current);
        if (!checked) {
            recordRefusal(checked.error(), QStringLiteral("policy.install"), sm3Hex(json));
            return checked.error();
        }
        document = json;
        auto signedHere = signedEnvelope(document);
        if (!signedHere)
            return signedHere.error();
        envelope = signedHere.value();
        how = QStringLiteral("workspace");
    }
    auto parsed = policy::PolicySet::parse(document);
    if (!parsed)
        return parsed.error();
    auto guarded = checkGuardrails(parsed.value());
    // The site's relay takes a version at most kMaxVersionStep past the site's: a larger step would
    // wait in the outbox for ever (and on the site, put the numbering out of everyone's reach).
    if (guarded && qint64(parsed->version()) - current > kMaxVersionStep)
        guarded = makeError(Error::Code::InvalidArgument,
                            QStringLiteral("policy version %1 is more than %2 past version %3 in force")
                                .arg(parsed->version())
                                .arg(kMaxVersionStep)
                                .arg(current));
    if (guarded && parsed->fieldClassifications().size() > kMaxDecidedFields)
        guarded = makeError(Error::Code::InvalidArgument,
                            QStringLiteral("a policy decides at most 20 000 subjects"));
    if (!guarded) {
        recordRefusal(guarded.error(), QStringLiteral("policy.install"), sm3Hex(document));
        return guarded.error();
    }
    auto installed = inOneTransaction(m_outbox, [&] { return store(document, envelope, note, how); });
    if (!installed)
        return installed.error();
    inForceAfterCommit(std::move(parsed.value()), current, installed.value());
    return installed;
}

void WorkspacePolicies::inForceAfterCommit(policy::PolicySet set, int expectedVersion,
                                           const PolicyRecord &record)
{
    if (putInForce(record, [&] { return m_gate.engine().replacePolicy(std::move(set), expectedVersion); }))
        return;
    // Another version went in meanwhile: what is stored decides, as at the next open.
    if (auto reloaded = load(); !reloaded)
        qCWarning(lcWorkspace) << "the policy in force could not be reloaded:" << reloaded.error().toString();
}

QList<ClassifiedItem> WorkspacePolicies::classifyForm(const forms::FormDefinition &form,
                                                      const policy::PolicySet *set)
{
    QList<ClassifiedItem> out;
    const QString group =
        form.title.zh.isEmpty() ? form.id : form.title.zh + QLatin1Char(' ') + form.title.en;
    const auto add = [&](const QString &path, const forms::FieldDefinition &field) {
        ClassifiedItem item;
        item.key = fieldKey(form.id, path);
        item.subject = fieldSubject(field, path);
        item.group = group;
        item.byRule = policy::classify(item.subject);
        std::optional<Classification> decided;
        if (set) {
            const auto it = set->fieldClassifications().constFind(item.key);
            if (it != set->fieldClassifications().cend())
                decided = it.value();
        }
        item.decided = decided.has_value();
        item.inForce = policy::resolveClassification(decided, item.subject, item.byRule);
        item.floor = policy::classificationFloor(item.subject, item.byRule);
        out << item;
    };
    for (const forms::FieldDefinition *field : form.fields()) {
        add(field->id, *field);
        for (const forms::FieldDefinition &member : field->fields)
            add(field->id + QLatin1Char('.') + member.id, member);
    }
    return out;
}

QList<ClassifiedItem> WorkspacePolicies::collectItems() const
{
    const auto set = m_gate.engine().policy();
    const auto decided = [&](const QString &key) -> std::optional<Classification> {
        if (!set)
            return std::nullopt;
        const auto it = set->fieldClassifications().constFind(key);
        if (it == set->fieldClassifications().cend())
            return std::nullopt;
        return it.value();
    };
    QList<ClassifiedItem> out;
    const auto add = [&](const QString &key, const ClassificationSubject &subject, const QString &group) {
        ClassifiedItem item;
        item.key = key;
        item.subject = subject;
        item.group = group;
        item.byRule = policy::classify(subject);
        const auto d = decided(key);
        item.decided = d.has_value();
        item.inForce = policy::resolveClassification(d, subject, item.byRule);
        item.floor = policy::classificationFloor(subject, item.byRule);
        out << item;
    };
    if (auto definitions = m_forms.definitions()) {
        for (const forms::FormDefinition &form : definitions.value())
            out << classifyForm(form, set.get());
    }
    for (const FixedSubject &f : kFixedSubjects) {
        ClassificationSubject subject;
        subject.kind = f.kind;
        subject.id = QString::fromLatin1(f.key).section(QLatin1Char(':'), 1);
        subject.label = QString::fromUtf8(f.label);
        add(QString::fromLatin1(f.key), subject, QString::fromLatin1(f.group));
    }
    return out;
}

Result<QList<ClassifiedItem>> WorkspacePolicies::items() const
{
    if (auto ok = m_guard->require(Permission::RequestClassification, u"classification.list"); !ok)
        return ok.error();
    QList<ClassifiedItem> out = collectItems();
    auto open =
        m_db.query(QStringLiteral("SELECT subject, MAX(id) FROM classification_requests WHERE state IN "
                                  "('requested', 'reviewed') GROUP BY subject"));
    if (!open)
        return open.error();
    QHash<QString, qint64> openByKey;
    for (const store::Row &row : open.value())
        openByKey.insert(row.value(0).toString(), row.value(1).toLongLong());
    for (ClassifiedItem &item : out)
        item.openRequest = openByKey.value(item.key);
    return out;
}

Result<qint64> WorkspacePolicies::request(const QString &key, const Classification &proposed,
                                          const QString &reason)
{
    auto principal = m_guard->require(Permission::RequestClassification, u"classification.request");
    if (!principal)
        return principal.error();
    if (reason.trimmed().isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("a request needs a reason"));
    if (auto ok = checkClassification(proposed); !ok)
        return ok.error();
    const QList<ClassifiedItem> all = collectItems();
    const auto it =
        std::find_if(all.cbegin(), all.cend(), [&](const ClassifiedItem &i) { return i.key == key; });
    if (it == all.cend())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("nothing classified is called \"%1\"").arg(key.left(120)));
    const ClassifiedItem item = *it;
    return inOneTransaction(m_outbox, [&]() -> Result<qint64> {
        auto written = m_db.execute(
            QStringLiteral(
                "INSERT INTO classification_requests (subject, label, category, sub_kind, level, reason, "
                "requested_by, requested_at, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'requested')"),
            {key, item.subject.label, policy::categoryId(proposed.category), proposed.subKind, proposed.level,
             reason.left(kMaxReason), principal->accountId, m_clock.now().toUTC()});
        if (!written)
            return written.error();
        const qint64 id = m_db.lastInsertRowId();
        QJsonObject detail{{QStringLiteral("request"), id},
                           {QStringLiteral("step"), QStringLiteral("a-request")},
                           {QStringLiteral("proposed"), classificationJson(proposed)},
                           {QStringLiteral("inForce"), classificationJson(item.inForce)},
                           {QStringLiteral("reason"), auditText(reason)}};
        if (auto r = recordEvent(kRequest, int(audit::AuditAction::Create), QStringLiteral("classification"),
                                 key, detail);
            !r)
            return r.error();
        return id;
    });
}

Result<QList<ClassificationRequest>> WorkspacePolicies::requests(bool openOnly) const
{
    if (!(m_guard->allows(Permission::ManagePolicy))) {
        if (auto ok = m_guard->require(Permission::RequestClassification, u"classification.requests"); !ok)
            return ok.error();
    }
    const auto principal = m_guard->signedIn(u"classification.requests");
    if (!principal)
        return principal.error();
    const bool all = m_guard->allows(Permission::ManagePolicy);
    QString sql = QStringLiteral(
        "SELECT id, subject, label, category, sub_kind, level, reason, requested_by, requested_at, state, "
        "reviewed_category, reviewed_sub_kind, reviewed_level, reviewed_by, review_note, reviewed_at, "
        "matched_rule, "
        "matched_level, decided_level, policy_version FROM classification_requests WHERE 1=1");
    QVariantList params;
    if (openOnly)
        sql += QStringLiteral(" AND state IN ('requested', 'reviewed')");
    if (!all) { // staff see their own requests
        sql += QStringLiteral(" AND requested_by = ?1");
        params << principal->accountId;
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT 5000");
    auto rows = m_db.query(sql, params);
    if (!rows)
        return rows.error();
    QList<ClassificationRequest> out;
    for (const store::Row &row : rows.value()) {
        ClassificationRequest r;
        r.id = row.value(0).toLongLong();
        r.key = row.value(1).toString();
        r.label = row.value(2).toString();
        r.proposed.category =
            policy::categoryFromId(row.value(3).toString()).value_or(policy::Category::HealthStatus);
        r.proposed.subKind = row.value(4).toString();
        r.proposed.level = row.value(5).toInt();
        r.reason = row.value(6).toString();
        r.requestedBy = row.value(7).toString();
        r.requestedAt = QDateTime::fromString(row.value(8).toString(), Qt::ISODateWithMs);
        r.state = stateFrom(row.value(9).toString());
        if (row.value(12).isValid()) {
            Classification c;
            c.category =
                policy::categoryFromId(row.value(10).toString()).value_or(policy::Category::HealthStatus);
            c.subKind = row.value(11).toString();
            c.level = row.value(12).toInt();
            c.ruleId = QStringLiteral("manual");
            r.reviewed = c;
        }
        r.reviewedBy = row.value(13).toString();
        r.reviewNote = row.value(14).toString();
        r.reviewedAt = QDateTime::fromString(row.value(15).toString(), Qt::ISODateWithMs);
        r.matchedRule = row.value(16).toString();
        r.matchedLevel = row.value(17).toInt();
        r.decidedLevel = row.value(18).toInt();
        r.policyVersion = row.value(19).toInt();
        out << r;
    }
    return out;
}

Result<void> WorkspacePolicies::review(qint64 id, bool accept, const Classification &settled,
                                       const QString &note)
{
    auto principal = m_guard->require(Permission::ManagePolicy, u"classification.review");
    if (!principal)
        return principal.error();
    if (note.trimmed().isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("a review needs a note"));
    if (accept) {
        if (auto ok = checkClassification(settled); !ok)
            return ok.error();
    }
    auto row = m_db.queryOne(
        QStringLiteral(
            "SELECT subject, state, requested_by, level FROM classification_requests WHERE id = ?1"),
        {id});
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("there is no classification request %1").arg(id));
    const QString key = row.value()->value(0).toString();
    // A request is reviewed once; an accepted one may still be rejected before it is put in force (its
    // field may have gone with a new form version).
    const auto state = stateFrom(row.value()->value(1).toString());
    if (state != ClassificationRequest::State::Requested &&
        (accept || state != ClassificationRequest::State::Reviewed))
        return makeError(Error::Code::Conflict, QStringLiteral("request %1 was already reviewed").arg(id));
    const QList<ClassifiedItem> all = collectItems();
    const auto it =
        std::find_if(all.cbegin(), all.cend(), [&](const ClassifiedItem &i) { return i.key == key; });
    if (it == all.cend())
        return makeError(
            Error::Code::NotFound,
            QStringLiteral("\"%1\" is no longer classified (its form changed)").arg(key.left(120)));
    if (accept && settled.level < it->floor)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("%1 cannot go below level %2: %3")
                             .arg(it->subject.label, QString::number(it->floor),
                                  it->byRule.level >= policy::kIdentifyingLevel
                                      ? QStringLiteral("it identifies a person directly")
                                      : QStringLiteral("its form declares that level")));
    // Lowering protection takes two people (R-7.1.2 b): someone asked for it, someone else agrees, and
    // the review goes no lower than what was asked (a request to raise is never accepted lower).
    if (accept && settled.level < it->inForce.level) {
        if (row.value()->value(2).toString() == principal->accountId)
            return makeError(
                Error::Code::PermissionDenied,
                QStringLiteral("lowering a level needs a review by someone other than the requester"));
        if (settled.level < row.value()->value(3).toInt())
            return makeError(Error::Code::PermissionDenied,
                             QStringLiteral("the review cannot go lower than the level requested (%1)")
                                 .arg(row.value()->value(3).toInt()));
    }
    return inOneTransaction(m_outbox, [&]() -> Result<void> {
        auto written = m_db.execute(
            QStringLiteral(
                "UPDATE classification_requests SET state = ?2, reviewed_category = ?3, reviewed_sub_kind = "
                "?4, reviewed_level = ?5, reviewed_by = ?6, review_note = ?7, reviewed_at = ?8 WHERE id = ?1 "
                "AND state = ?9"),
            {id, accept ? QStringLiteral("reviewed") : QStringLiteral("rejected"),
             accept ? QVariant(policy::categoryId(settled.category)) : QVariant(),
             accept ? QVariant(settled.subKind) : QVariant(), accept ? QVariant(settled.level) : QVariant(),
             principal->accountId, note.left(kMaxReason), m_clock.now().toUTC(), stateId(state)});
        if (!written)
            return written.error();
        if (written.value() != 1)
            return makeError(Error::Code::Conflict,
                             QStringLiteral("request %1 was already reviewed").arg(id));
        QJsonObject detail{{QStringLiteral("request"), id},
                           {QStringLiteral("step"), QStringLiteral("b-review")},
                           {QStringLiteral("accepted"), accept},
                           {QStringLiteral("note"), auditText(note)}};
        if (accept)
            detail.insert(QStringLiteral("settled"), classificationJson(settled));
        return recordEvent(kReview, int(audit::AuditAction::Update), QStringLiteral("classification"), key,
                           detail);
    });
}

Result<PolicyRecord> WorkspacePolicies::putInForce(const QString &note)
{
    auto principal = m_guard->require(Permission::ManagePolicy, u"classification.put-in-force");
    if (!principal)
        return principal.error();
    const auto current = m_gate.engine().policy();
    if (!current)
        return makeError(Error::Code::Unknown, QStringLiteral("no policy is in force"));
    auto reviewed = m_db.query(
        QStringLiteral("SELECT id, subject, reviewed_category, reviewed_sub_kind, reviewed_level, "
                       "requested_by, reviewed_by, level FROM classification_requests WHERE state = "
                       "'reviewed' ORDER BY id"));
    if (!reviewed)
        return reviewed.error();
    if (reviewed->isEmpty())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("no reviewed request waits to be put in force"));
    const QList<ClassifiedItem> all = collectItems();
    QHash<QString, ClassifiedItem> byKey;
    for (const ClassifiedItem &i : all)
        byKey.insert(i.key, i);

    // c) rule matching and d) the decision, for each reviewed request in order (a later one for the
    // same subject wins).
    struct Decision
    {
        qint64 id;
        QString key;
        Classification settled;
        Classification byRule;
        Classification decided;
    };
    QList<Decision> decisions;
    QJsonObject root = QJsonDocument::fromJson(current->document()).object();
    QJsonObject fields = root.value(u"fields").toObject();
    for (const store::Row &row : reviewed.value()) {
        const QString key = row.value(1).toString();
        const auto item = byKey.constFind(key);
        if (item == byKey.cend())
            return makeError(
                Error::Code::Conflict,
                QStringLiteral("\"%1\" is no longer classified (its form changed): reject request %2")
                    .arg(key.left(120))
                    .arg(row.value(0).toLongLong()));
        Classification settled;
        settled.category =
            policy::categoryFromId(row.value(2).toString()).value_or(policy::Category::HealthStatus);
        settled.subKind = row.value(3).toString();
        settled.level = row.value(4).toInt();
        settled.ruleId = QStringLiteral("manual");
        const Classification decided = policy::resolveClassification(settled, item->subject, item->byRule);
        // Checked again now: the level in force may have changed since the review (an install, an
        // earlier request in this batch). Lowering stays a two-person decision, down to what was asked.
        const Classification before = policy::resolveClassification(
            fields.contains(key)
                ? std::optional<Classification>(Classification{
                      policy::categoryFromId(fields.value(key).toObject().value(u"category").toString())
                          .value_or(policy::Category::HealthStatus),
                      fields.value(key).toObject().value(u"subKind").toString(),
                      fields.value(key).toObject().value(u"level").toInt(), QStringLiteral("manual")})
                : std::nullopt,
            item->subject, item->byRule);
        if (decided.level < before.level &&
            (row.value(5).toString() == row.value(6).toString() || row.value(7).toInt() > decided.level))
            return makeError(
                Error::Code::PermissionDenied,
                QStringLiteral("request %1 would lower %2 from level %3 without a second person's "
                               "review of that lowering: reject it")
                    .arg(row.value(0).toLongLong())
                    .arg(item->subject.label.trimmed())
                    .arg(before.level));
        decisions << Decision{row.value(0).toLongLong(), key, settled, item->byRule, decided};
        fields.insert(key, classificationJson(decided));
    }
    // e) the next policy version: the one in force with the decided classifications, numbered past
    // every version stored (one refused at open keeps its number).
    auto highest = m_db.queryOne(QStringLiteral("SELECT MAX(version) FROM policies"));
    if (!highest)
        return highest.error();
    const int version =
        std::max(current->version(), highest.value() ? highest.value()->value(0).toInt() : 0) + 1;
    root.insert(QStringLiteral("fields"), fields);
    root.insert(QStringLiteral("version"), version);
    root.insert(QStringLiteral("issued"), m_clock.now().toUTC().toString(Qt::ISODate));
    root.insert(QStringLiteral("issuer"), QStringLiteral("%1 (%2)").arg(principal->accountId, m_nodeId));
    const QByteArray document = QJsonDocument(root).toJson(QJsonDocument::Indented);
    auto parsed = policy::PolicySet::parse(document);
    if (!parsed)
        return parsed.error();
    auto envelope = signedEnvelope(document);
    if (!envelope)
        return envelope.error();

    // One savepoint: if any step fails, no request is marked decided and no event is kept.
    auto installed = inOneTransaction(m_outbox, [&]() -> Result<PolicyRecord> {
        std::optional<Result<PolicyRecord>> outcome;
        auto kept = m_db.transaction([&]() -> Result<void> {
            outcome.emplace([&]() -> Result<PolicyRecord> {
                for (const Decision &d : decisions) {
                    auto updated =
                        m_db.execute(QStringLiteral("UPDATE classification_requests SET state = 'decided', "
                                                    "matched_rule = ?2, matched_level "
                                                    "= ?3, decided_level = ?4, policy_version = ?5 WHERE id "
                                                    "= ?1 AND state = 'reviewed'"),
                                     {d.id, d.byRule.ruleId, d.byRule.level, d.decided.level, version});
                    if (!updated)
                        return updated.error();
                    if (updated.value() != 1)
                        return makeError(Error::Code::Conflict,
                                         QStringLiteral("request %1 changed meanwhile").arg(d.id));
                    if (auto r = recordEvent(
                            kMatch, int(audit::AuditAction::Execute), QStringLiteral("classification"), d.key,
                            QJsonObject{{QStringLiteral("request"), d.id},
                                        {QStringLiteral("step"), QStringLiteral("c-match")},
                                        {QStringLiteral("rule"), d.byRule.ruleId},
                                        {QStringLiteral("byRule"), classificationJson(d.byRule)}});
                        !r)
                        return r.error();
                    if (auto r = recordEvent(
                            kDecide, int(audit::AuditAction::Update), QStringLiteral("classification"), d.key,
                            QJsonObject{{QStringLiteral("request"), d.id},
                                        {QStringLiteral("step"), QStringLiteral("d-decide")},
                                        {QStringLiteral("settled"), classificationJson(d.settled)},
                                        {QStringLiteral("decided"), classificationJson(d.decided)},
                                        {QStringLiteral("raisedToFloor"), d.decided.level > d.settled.level},
                                        {QStringLiteral("policyVersion"), version}});
                        !r)
                        return r.error();
                }
                return store(document, envelope.value(), note, QStringLiteral("workspace"));
            }());
            if (!outcome->ok())
                return outcome->error();
            return {};
        });
        if (!kept)
            return kept.error();
        return std::move(*outcome);
    });
    if (!installed)
        return installed.error();
    inForceAfterCommit(std::move(parsed.value()), current->version(), installed.value());
    return installed;
}

} // namespace mdp::workspace
