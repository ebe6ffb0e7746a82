#include "mdp/forms/SqlCipherFormStore.h"

#include "../core/src/FormsLogging.h"
#include "FormsMigrations.h"
#include "FormsRows.h"
#include "mdp/forms/FormsAuditSink.h"
#include "mdp/store/Database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <map>

namespace mdp::forms {

namespace {

// Delivery attempts per e-mailed notice before it is given up (state 'error').
constexpr int kMaxEmailAttempts = 8;

using Action = FormsAuditRecord::Action;

const QString kClinician = QStringLiteral("clinician");
const QString kReviewer = QStringLiteral("reviewer");
const QString kDataManager = QStringLiteral("data-manager");
const QString kSystemAdmin = QStringLiteral("system-admin");
const QString kSystemActor = QStringLiteral("system");
constexpr int kMaxReasonLength = 2000;

QString tr(const char *text)
{
    return QCoreApplication::translate("mdp::forms::FormStore", text);
}

Error recordNotFound()
{
    return makeError(Error::Code::NotFound, tr("No such record."));
}

Error staleRevision(int current)
{
    return makeError(Error::Code::Conflict,
                     tr("The record was changed by someone else in the meantime (it is now at revision %1); "
                        "reload it and apply your change again.")
                         .arg(current));
}

Error denied(const QString &message)
{
    return makeError(Error::Code::PermissionDenied, message);
}

Error illegalTransition(RecordStatus from, Transition transition)
{
    QString message = tr("A record that is %1 cannot take the step '%2'.")
                          .arg(recordStatusId(from), transitionId(transition));
    if (from == RecordStatus::Approved)
        message += QLatin1Char(' ') + tr("Approved records are locked; amend the record to change it.");
    return denied(message);
}

bool holdsAny(const QStringList &roles, std::initializer_list<QString> wanted)
{
    for (const QString &w : wanted) {
        if (roles.contains(w))
            return true;
    }
    return false;
}

Result<QString> requiredReason(const QString &reason, const QString &what)
{
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty())
        return makeError(Error::Code::InvalidArgument, tr("A reason is required to %1.").arg(what));
    if (trimmed.size() > kMaxReasonLength)
        return makeError(Error::Code::InvalidArgument,
                         tr("The reason is too long (at most %1 characters).").arg(kMaxReasonLength));
    return trimmed;
}

Result<void> checkAddress(const QString &address)
{
    if (address.isEmpty())
        return {};
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    bool ok = at > 0 && at == address.lastIndexOf(QLatin1Char('@')) && at < address.size() - 1 &&
              address.size() <= 254;
    for (const QChar c : address) {
        if (c.isSpace() || c.unicode() < 0x21)
            ok = false;
    }
    if (!ok)
        return makeError(Error::Code::InvalidArgument,
                         tr("'%1' is not an e-mail address.").arg(address.left(80)));
    return {};
}

// SHA-256 over the compact JSON of the definition without its version number: the content identity.
QString contentHash(FormDefinition definition)
{
    definition.version = 0;
    const QByteArray canonical = QJsonDocument(definition.toJson()).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

QJsonArray toJsonArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

struct SqlCipherFormStore::Impl
{
    store::Database &db;
    FormsAuditSink &sink;
    const Clock &clock;
    RoleLookup roles;
    DataManagerLookup dataManagers;
    Options options;
    std::function<void(const QUuid &)> changeListener;
    // Definitions are immutable once stored, so a (form, version) parsed once serves every later
    // call, in this process and any other.
    std::map<std::pair<QString, int>, std::shared_ptr<const Validator>> validators;

    // Audit records and notices of a write, emitted only once its transaction has committed.
    struct Pending
    {
        QList<FormsAuditRecord> audit;
        QSet<QUuid> changed;
    };

    Impl(store::Database &d, FormsAuditSink &s, const Clock &c, RoleLookup r, DataManagerLookup dm, Options o)
        : db(d)
        , sink(s)
        , clock(c)
        , roles(std::move(r))
        , dataManagers(std::move(dm))
        , options(std::move(o))
    {}

    qint64 nowMs() const { return clock.now().toMSecsSinceEpoch(); }
    QDate today() const { return clock.now().toLocalTime().date(); }
    QStringList rolesOf(const QString &account) const { return roles ? roles(account) : QStringList(); }

    Result<void> step(QStringView name) const
    {
        if (options.faultInjector)
            return options.faultInjector(name);
        return {};
    }

    static FormsAuditRecord auditRecord(QStringView type, Action action, const QString &actor,
                                        const QString &pseudonym, const QString &objectType,
                                        const QString &objectId, bool success, const QJsonObject &detail)
    {
        FormsAuditRecord r;
        r.type = type.toString();
        r.action = action;
        r.actorId = actor;
        if (!pseudonym.isEmpty())
            r.patients << pseudonym;
        r.objectType = objectType;
        r.objectId = objectId;
        r.success = success;
        r.detail = detail;
        return r;
    }

    void publish(const Pending &pending)
    {
        for (const FormsAuditRecord &r : pending.audit)
            sink.record(r);
        if (changeListener) {
            for (const QUuid &id : pending.changed)
                changeListener(id);
        }
    }

    void auditFailure(QStringView type, Action action, const QString &actor, const QString &pseudonym,
                      const QString &objectType, const QString &objectId, const Error &error,
                      QJsonObject detail = {})
    {
        detail.insert(QStringLiteral("error"), Error::codeName(error.code));
        sink.record(auditRecord(type, action, actor, pseudonym, objectType, objectId, false, detail));
    }

    // --- definitions ----------------------------------------------------------------------------

    Result<std::shared_ptr<const Validator>> validatorFor(const QString &formId, int version)
    {
        int wanted = version;
        if (wanted <= 0) {
            auto latest = db.queryOne(
                QStringLiteral("SELECT max(version) FROM forms_definitions WHERE form_id = ?1"), {formId});
            if (!latest)
                return latest.error();
            if (!latest.value() || latest.value()->at(0).isNull() || !latest.value()->at(0).isValid())
                return makeError(Error::Code::NotFound, tr("No form '%1' has been imported.").arg(formId));
            wanted = int(latest.value()->at(0).toLongLong());
        }
        const auto key = std::make_pair(formId, wanted);
        if (auto it = validators.find(key); it != validators.end())
            return it->second;
        auto row = db.queryOne(
            QStringLiteral("SELECT json FROM forms_definitions WHERE form_id = ?1 AND version = ?2"),
            {formId, wanted});
        if (!row)
            return row.error();
        if (!row.value())
            return makeError(Error::Code::NotFound,
                             tr("Form '%1' has no version %2.").arg(formId).arg(wanted));
        auto parsed = FormDefinition::fromJson(row.value()->at(0).toString().toUtf8());
        if (!parsed)
            return makeError(Error::Code::Corrupt, tr("The stored form '%1' version %2 no longer parses: %3")
                                                       .arg(formId)
                                                       .arg(wanted)
                                                       .arg(parsed.error().message));
        FormDefinition def = std::move(parsed.value());
        def.version = wanted;
        auto validator = std::make_shared<const Validator>(std::move(def));
        validators.emplace(key, validator);
        return std::shared_ptr<const Validator>(validator);
    }

    // --- records --------------------------------------------------------------------------------

    Result<FormRecord> loadRecord(const QUuid &id)
    {
        auto row = db.queryOne(
            QStringLiteral("SELECT %1 FROM forms_records WHERE id = ?1").arg(rows::kRecordColumns),
            {rows::uuidText(id)});
        if (!row)
            return row.error();
        if (!row.value())
            return recordNotFound();
        return rows::record(*row.value());
    }

    // Someone else's draft that was never approved does not exist for `actor` (R-6.2.2a). While
    // someone amends an approved record, everyone else keeps seeing the formal version in force.
    static bool visibleTo(const QString &actor, const FormRecord &r)
    {
        return r.status != RecordStatus::Draft || r.ownerId == actor || r.formalVersion > 0;
    }

    static FormRecord asSeenBy(const QString &actor, FormRecord r)
    {
        if (r.status == RecordStatus::Draft && r.ownerId != actor)
            r.values = r.formalValues;
        return r;
    }

    // The checks every record write makes inside its transaction, in this order: visibility,
    // revision (so the loser of a race hears "changed by someone else"), then the lifecycle table.
    Result<RecordStatus> checkWrite(const QString &actor, const FormRecord &r, int expectedRevision,
                                    Transition transition)
    {
        if (!visibleTo(actor, r))
            return recordNotFound();
        if (r.revision != expectedRevision)
            return staleRevision(r.revision);
        const auto next = nextStatus(r.status, transition);
        if (!next)
            return illegalTransition(r.status, transition);
        return *next;
    }

    Result<void> validate(const Validator &validator, const QJsonObject &values, Validator::Mode mode,
                          QJsonObject *detail)
    {
        const ValidationResult result = validator.validate(values, mode, today());
        if (result.hasErrors()) {
            detail->insert(QStringLiteral("failing_fields"), toJsonArray(result.failingFields()));
            return makeError(Error::Code::InvalidArgument,
                             tr("The record does not pass its form's rules:\n%1").arg(result.errorSummary()));
        }
        if (result.hasWarnings()) {
            QStringList warned;
            for (const ValidationIssue &issue : result.issues) {
                if (issue.severity == RuleSeverity::Warning && !warned.contains(issue.fieldPath))
                    warned << issue.fieldPath;
            }
            detail->insert(QStringLiteral("warnings"), toJsonArray(warned));
        }
        return {};
    }

    // The workflow's rules for a state another workstation made (applySyncState): the site key
    // proves an entry came from a workstation of the site, not that the change is one the workflow
    // allows. The entry is checked against the record held here (`before`; nullopt for a record new
    // here): the next revision only, the lifecycle table, who may make each transition, the fields
    // no transition changes, the formal version (only an approval makes one), and the form's rules
    // for submitted and approved values (as of the change's own date). Returns why it is refused,
    // or an empty string.
    Result<QString> refusalOf(const SyncState &state, const std::optional<FormRecord> &before)
    {
        const FormRecord &r = state.record;
        const Transition t = state.transition;
        const QString &actor = state.actorId;
        const auto gives = [&](RecordStatus from) {
            const auto next = nextStatus(from, t);
            return next && *next == r.status;
        };
        const bool reviewing = t == Transition::Approve || t == Transition::Reject;
        if (r.status == RecordStatus::Pending || reviewing) {
            if (r.reviewerId.isEmpty() || r.reviewerId == kSystemActor)
                return tr("A record under review needs its reviewer.");
            if (r.reviewerId == r.submitterId)
                return tr("Nobody reviews their own submission.");
        }
        if (reviewing && actor != r.reviewerId)
            return tr("Only the assigned reviewer approves or rejects a record.");
        if (t == Transition::Reject && state.reason.trimmed().isEmpty())
            return tr("A rejection states its reason.");
        if (t == Transition::Approve &&
            (r.formalVersion < 1 || state.formalVersionMade != r.formalVersion || r.formalValues != r.values))
            return tr("An approval makes the record's values its next formal version.");
        if (r.status == RecordStatus::Approved && r.formalVersion < 1)
            return tr("An approved record has a formal version.");

        if (!before) {
            if (r.revision == 1) {
                // A record starts as its creator's draft, with nothing formal yet.
                if (t != Transition::SaveDraft || r.status != RecordStatus::Draft || r.formalVersion != 0 ||
                    !r.formalValues.isEmpty() || actor != r.creatorId || r.ownerId != r.creatorId)
                    return tr("A new record starts as its creator's draft.");
            } else {
                // Joined at the revision its workstation held: its earlier versions are
                // not here to check, so only what this version says of itself.
                bool reachable = false;
                for (RecordStatus from : {RecordStatus::Draft, RecordStatus::Pending, RecordStatus::Rejected,
                                          RecordStatus::Approved})
                    reachable = reachable || gives(from);
                if (!reachable)
                    return tr("The synchronised change \"%1\" cannot make the record %2.")
                        .arg(transitionId(t), recordStatusId(r.status));
            }
        } else {
            const FormRecord &b = *before;
            if (r.revision != b.revision + 1)
                return tr("The synchronised change skips revisions this workstation does not hold "
                          "(%1 after %2); the record stays as it is here.")
                    .arg(r.revision)
                    .arg(b.revision);
            if (!gives(b.status))
                return tr("The synchronised change \"%1\" cannot make the record %2 from %3.")
                    .arg(transitionId(t), recordStatusId(r.status), recordStatusId(b.status));
            if (r.patientId != b.patientId || r.patientPseudonym != b.patientPseudonym)
                return tr("A synchronised change may not move a record to another patient.");
            if (r.formId != b.formId || r.formVersion != b.formVersion || r.eventId != b.eventId ||
                r.projectId != b.projectId || r.category != b.category || r.creatorId != b.creatorId ||
                r.createdAt != b.createdAt)
                return tr("A synchronised change may not change what a record is (its form, event, "
                          "project, category or creator).");
            if (t != Transition::Approve &&
                (r.formalVersion != b.formalVersion || r.formalValues != b.formalValues))
                return tr("Only an approval changes a record's formal version.");
            switch (t) {
            case Transition::SaveDraft:
                if (actor != b.ownerId || r.ownerId != b.ownerId)
                    return tr("Only the author of a draft edits it.");
                break;
            case Transition::Submit:
                if (actor != b.ownerId || r.ownerId != b.ownerId || r.submitterId != actor)
                    return tr("Only the author of a draft submits it.");
                if (r.reviewerId == b.ownerId)
                    return tr("Nobody reviews their own submission.");
                break;
            case Transition::Approve:
            case Transition::Reject:
                if (r.reviewerId == b.submitterId || r.submitterId != b.submitterId || r.values != b.values)
                    return tr("Only the assigned reviewer decides, on the values submitted.");
                if (t == Transition::Approve && r.formalVersion != b.formalVersion + 1)
                    return tr("An approval makes the next formal version.");
                break;
            case Transition::Withdraw:
                if (actor != b.submitterId || r.values != b.values)
                    return tr("Only the submitter withdraws a record from review.");
                break;
            case Transition::Amend:
                // A data manager of another workstation may have no account here (then the name is
                // kept): the sending workstation checked the role.
                if ((actor != b.creatorId && !rolesOf(actor).contains(kDataManager) &&
                     !QUuid(actor).isNull()) ||
                    r.ownerId != actor || r.values != b.formalValues || state.reason.trimmed().isEmpty())
                    return tr("Only the record's author or a data manager amends an approved record, with "
                              "a reason, from its formal version.");
                break;
            }
        }
        if (t == Transition::Submit || t == Transition::Approve) {
            auto validator = validatorFor(r.formId, r.formVersion);
            if (!validator)
                return validator.error(); // a fault here (the definition was checked before it was stored)
            const QDate asOf = r.updatedAt.isValid() ? r.updatedAt.toLocalTime().date() : today();
            const ValidationResult result =
                validator.value()->validate(r.values, Validator::Mode::Submit, asOf);
            if (result.hasErrors())
                return tr("The record does not pass its form's rules:\n%1").arg(result.errorSummary());
        }
        return QString();
    }

    // Writes the record's new state and its version row; `previousRevision` guards against a write
    // that slipped in between (the transaction makes that impossible, the guard makes it visible).
    Result<void> writeRecord(const FormRecord &r, int previousRevision, Transition transition,
                             const QString &actor, const QString &reason, int formalVersionMade)
    {
        auto u = db.execute(
            QStringLiteral(
                "UPDATE forms_records SET status = ?1, revision = ?2, formal_version = ?3, owner_id = ?4, "
                "submitter_id = ?5, reviewer_id = ?6, last_reason = ?7, values_json = ?8, "
                "formal_json = ?9, updated_at = ?10 WHERE id = ?11 AND revision = ?12"),
            {recordStatusId(r.status), r.revision, r.formalVersion, r.ownerId, r.submitterId, r.reviewerId,
             r.lastReason, rows::jsonText(r.values), rows::jsonText(r.formalValues),
             r.updatedAt.toMSecsSinceEpoch(), rows::uuidText(r.id), previousRevision});
        if (!u)
            return u.error();
        if (u.value() != 1)
            return staleRevision(previousRevision);
        if (auto s = step(QStringLiteral("%1.record-written").arg(transitionId(transition))); !s)
            return s;
        return writeVersion(r, transition, actor, reason, formalVersionMade);
    }

    Result<void> writeVersion(const FormRecord &r, Transition transition, const QString &actor,
                              const QString &reason, int formalVersionMade)
    {
        auto ins = db.execute(
            QStringLiteral("INSERT INTO forms_record_versions (record_id, revision, transition, "
                           "status, formal_version, actor_id, at, reason, values_json) VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
            {rows::uuidText(r.id), r.revision, transitionId(transition), recordStatusId(r.status),
             formalVersionMade, actor, r.updatedAt.toMSecsSinceEpoch(), reason, rows::jsonText(r.values)});
        if (!ins)
            return ins.error();
        return step(QStringLiteral("%1.version-written").arg(transitionId(transition)));
    }

    // --- review ---------------------------------------------------------------------------------

    Result<QList<ReviewerProfile>> profiles()
    {
        auto rs = db.query(QStringLiteral(
            "SELECT p.account_id, p.categories, p.projects, p.email, p.active, (SELECT count(*) FROM "
            "forms_review_tasks t WHERE t.reviewer_id = p.account_id AND t.state = 'open') FROM "
            "forms_reviewer_profiles p ORDER BY p.account_id"));
        if (!rs)
            return rs.error();
        QList<ReviewerProfile> out;
        for (const auto &row : rs.value()) {
            ReviewerProfile p;
            p.accountId = row.at(0).toString();
            p.categories = rows::stringListFrom(row.at(1));
            p.projects = rows::stringListFrom(row.at(2));
            p.email = row.at(3).toString();
            p.active = row.at(4).toLongLong() != 0;
            p.openTasks = int(row.at(5).toLongLong());
            out << p;
        }
        return out;
    }

    // Profiles of accounts that still hold the reviewer role: a revoked role stops assignments.
    Result<QList<ReviewerProfile>> eligibleProfiles()
    {
        auto all = profiles();
        if (!all)
            return all.error();
        QList<ReviewerProfile> out;
        for (const ReviewerProfile &p : all.value()) {
            if (rolesOf(p.accountId).contains(kReviewer))
                out << p;
        }
        return out;
    }

    Result<std::optional<ReviewTask>> openTaskOf(const QUuid &recordId)
    {
        auto row =
            db.queryOne(QStringLiteral("SELECT %1 FROM forms_review_tasks t JOIN forms_records r ON r.id = "
                                       "t.record_id WHERE t.record_id = ?1 AND t.state = 'open'")
                            .arg(rows::kTaskColumns),
                        {rows::uuidText(recordId)});
        if (!row)
            return row.error();
        if (!row.value())
            return std::optional<ReviewTask>();
        return std::optional<ReviewTask>(rows::task(*row.value()));
    }

    Result<ReviewTask> taskById(qint64 id)
    {
        auto row = db.queryOne(QStringLiteral("SELECT %1 FROM forms_review_tasks t JOIN forms_records r ON "
                                              "r.id = t.record_id WHERE t.id = ?1")
                                   .arg(rows::kTaskColumns),
                               {id});
        if (!row)
            return row.error();
        if (!row.value())
            return makeError(Error::Code::NotFound, tr("No such review task."));
        return rows::task(*row.value());
    }

    Result<qint64> openTask(const FormRecord &r, const QString &reviewer, const QString &submitter,
                            int submission, const QDateTime &now)
    {
        const QDateTime due = now.addSecs(options.reviewPeriodSeconds);
        auto ins = db.execute(
            QStringLiteral("INSERT INTO forms_review_tasks (record_id, submitter_id, reviewer_id, "
                           "state, assigned_at, due_at, escalated, submission, formal_base) VALUES "
                           "(?1, ?2, ?3, 'open', ?4, ?5, 0, ?6, ?7)"),
            {rows::uuidText(r.id), submitter, reviewer, now.toMSecsSinceEpoch(), due.toMSecsSinceEpoch(),
             submission, r.formalVersion});
        if (!ins)
            return ins.error();
        return db.lastInsertRowId();
    }

    Result<void> closeTask(qint64 taskId, TaskState state, const QString &actor, const QString &outcome,
                           qint64 at)
    {
        auto u = db.execute(
            QStringLiteral("UPDATE forms_review_tasks SET state = ?1, closed_at = ?2, closed_by = ?3, "
                           "outcome = ?4 WHERE id = ?5 AND state = 'open'"),
            {rows::taskStateId(state), at, actor, outcome, taskId});
        if (!u)
            return u.error();
        if (u.value() != 1)
            return makeError(Error::Code::Conflict,
                             tr("The review task was closed by someone else in the meantime."));
        return {};
    }

    // The address a notice to `account` is mailed to: the reviewer profile's, else the one set with
    // setNotificationEmail; empty when none.
    Result<QString> addressOf(const QString &account)
    {
        auto row = db.queryOne(
            QStringLiteral(
                "SELECT coalesce(nullif((SELECT email FROM forms_reviewer_profiles WHERE account_id = ?1), "
                "''), (SELECT address FROM forms_notification_emails WHERE account_id = ?1), '')"),
            {account});
        if (!row)
            return row.error();
        return row.value() ? row.value()->at(0).toString() : QString();
    }

    Result<void> notify(Pending &pending, const QString &recipient, Notification::Kind kind,
                        const FormRecord &r, const QString &actor, const QString &reason, qint64 taskId,
                        qint64 at)
    {
        if (recipient.isEmpty())
            return {};
        auto address = addressOf(recipient);
        if (!address)
            return address.error();
        const QString emailState = address->isEmpty() ? QStringLiteral("none") : QStringLiteral("pending");
        auto ins = db.execute(
            QStringLiteral("INSERT INTO forms_notifications (recipient_id, kind, record_id, task_id, "
                           "patient_pseudonym, form_id, actor_id, reason, at, email_state) VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
            {recipient, rows::notificationKindText(kind), rows::uuidText(r.id),
             taskId > 0 ? QVariant(taskId) : QVariant(), r.patientPseudonym, r.formId, actor, reason, at,
             emailState});
        if (!ins)
            return ins.error();
        const qint64 id = db.lastInsertRowId();
        pending.audit << auditRecord(FormsEvent::NotificationSend, Action::Create, actor, r.patientPseudonym,
                                     QStringLiteral("notification"), QString::number(id), true,
                                     QJsonObject{{QStringLiteral("kind"), rows::notificationKindText(kind)},
                                                 {QStringLiteral("recipient"), recipient},
                                                 {QStringLiteral("record"), rows::uuidText(r.id)},
                                                 {QStringLiteral("email"), emailState}});
        return {};
    }

    QJsonObject recordDetail(const FormRecord &r) const
    {
        return QJsonObject{{QStringLiteral("form"), r.formId},
                           {QStringLiteral("form_version"), r.formVersion},
                           {QStringLiteral("revision"), r.revision},
                           {QStringLiteral("status"), recordStatusId(r.status)},
                           {QStringLiteral("formal_version"), r.formalVersion}};
    }

    // A transition of one record: load, check, let `apply` change the record (and write tasks and
    // notices), write the record and its version, all in one transaction; audit after commit.
    struct StepSpec
    {
        Transition transition;
        QStringView auditType;
        Action auditAction = Action::Update;
    };

    Result<FormRecord> transition(
        const QString &actor, const QUuid &recordId, int expectedRevision, const StepSpec &spec,
        const std::function<Result<void>(FormRecord &next, const FormRecord &before, Pending &pending,
                                         QJsonObject &detail, QString &reason, int &formalMade)> &apply)
    {
        Pending pending;
        FormRecord after;
        QString pseudonym;
        QJsonObject detail;
        auto tx = db.transaction([&]() -> Result<void> {
            auto current = loadRecord(recordId);
            if (!current)
                return current.error();
            const FormRecord &before = current.value();
            if (visibleTo(actor, before))
                pseudonym = before.patientPseudonym;
            auto next = checkWrite(actor, before, expectedRevision, spec.transition);
            if (!next)
                return next.error();
            FormRecord r = before;
            r.status = next.value();
            r.revision = before.revision + 1;
            r.updatedAt = clock.now().toUTC();
            QString reason;
            int formalMade = 0;
            if (auto a = apply(r, before, pending, detail, reason, formalMade); !a)
                return a;
            if (auto w = writeRecord(r, before.revision, spec.transition, actor, reason, formalMade); !w)
                return w;
            after = r;
            return {};
        });
        if (!tx) {
            auditFailure(spec.auditType, spec.auditAction, actor, pseudonym, QStringLiteral("form-record"),
                         rows::uuidText(recordId), tx.error(), detail);
            return tx.error();
        }
        QJsonObject d = recordDetail(after);
        for (auto it = detail.constBegin(); it != detail.constEnd(); ++it)
            d.insert(it.key(), it.value());
        pending.audit.prepend(auditRecord(spec.auditType, spec.auditAction, actor, after.patientPseudonym,
                                          QStringLiteral("form-record"), rows::uuidText(after.id), true, d));
        pending.changed.insert(after.id);
        publish(pending);
        return after;
    }
};

Result<int> SqlCipherFormStore::migrate(store::Database &database)
{
    initFormsMigrations();
    return database.migrate(QStringLiteral("forms"), QStringLiteral(":/mdp/forms/migrations"));
}

Result<std::unique_ptr<SqlCipherFormStore>> SqlCipherFormStore::open(store::Database &database,
                                                                     FormsAuditSink &auditSink,
                                                                     const Clock &clock, RoleLookup roles,
                                                                     DataManagerLookup dataManagers)
{
    return open(database, auditSink, clock, std::move(roles), std::move(dataManagers), Options());
}

Result<std::unique_ptr<SqlCipherFormStore>>
SqlCipherFormStore::open(store::Database &database, FormsAuditSink &auditSink, const Clock &clock,
                         RoleLookup roles, DataManagerLookup dataManagers, Options options)
{
    auto migrated = migrate(database);
    if (!migrated)
        return migrated.error();
    return std::make_unique<SqlCipherFormStore>(database, auditSink, clock, std::move(roles),
                                                std::move(dataManagers), std::move(options));
}

SqlCipherFormStore::SqlCipherFormStore(store::Database &database, FormsAuditSink &auditSink,
                                       const Clock &clock, RoleLookup roles, DataManagerLookup dataManagers)
    : SqlCipherFormStore(database, auditSink, clock, std::move(roles), std::move(dataManagers), Options())
{}

SqlCipherFormStore::SqlCipherFormStore(store::Database &database, FormsAuditSink &auditSink,
                                       const Clock &clock, RoleLookup roles, DataManagerLookup dataManagers,
                                       Options options)
    : d(std::make_unique<Impl>(database, auditSink, clock, std::move(roles), std::move(dataManagers),
                               std::move(options)))
{}

SqlCipherFormStore::~SqlCipherFormStore() = default;

// --- definitions ------------------------------------------------------------------------------

Result<FormDefinition> SqlCipherFormStore::importDefinition(const QString &actor, const QByteArray &json)
{
    if (!holdsAny(d->rolesOf(actor), {kDataManager, kSystemAdmin})) {
        const Error e = denied(tr("Only data managers and system administrators import form definitions."));
        d->auditFailure(FormsEvent::DefinitionImport, Action::Create, actor, {}, {}, {}, e);
        return e;
    }
    auto parsed = FormDefinition::fromJson(json);
    if (!parsed) {
        d->auditFailure(FormsEvent::DefinitionImport, Action::Create, actor, {}, {}, {}, parsed.error());
        return parsed.error();
    }
    FormDefinition def = std::move(parsed.value());
    const QString hash = contentHash(def);
    bool unchanged = false;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto latest =
            d->db.queryOne(QStringLiteral("SELECT version, hash FROM forms_definitions WHERE form_id = ?1 "
                                          "ORDER BY version DESC LIMIT 1"),
                           {def.id});
        if (!latest)
            return latest.error();
        if (latest.value() && latest.value()->at(1).toString() == hash) {
            def.version = int(latest.value()->at(0).toLongLong());
            unchanged = true;
            return {};
        }
        def.version = latest.value() ? int(latest.value()->at(0).toLongLong()) + 1 : 1;
        const QString text = QString::fromUtf8(QJsonDocument(def.toJson()).toJson(QJsonDocument::Compact));
        auto ins = d->db.execute(
            QStringLiteral("INSERT INTO forms_definitions (form_id, version, json, hash, category, "
                           "imported_by, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
            {def.id, def.version, text, hash, def.category, actor, d->nowMs()});
        if (!ins)
            return ins.error();
        return {};
    });
    const QString objectId = QStringLiteral("%1:%2").arg(def.id).arg(def.version);
    if (!tx) {
        d->auditFailure(FormsEvent::DefinitionImport, Action::Create, actor, {},
                        QStringLiteral("form-definition"), def.id, tx.error());
        return tx.error();
    }
    d->sink.record(Impl::auditRecord(FormsEvent::DefinitionImport, Action::Create, actor, {},
                                     QStringLiteral("form-definition"), objectId, true,
                                     QJsonObject{{QStringLiteral("form"), def.id},
                                                 {QStringLiteral("form_version"), def.version},
                                                 {QStringLiteral("unchanged"), unchanged}}));
    return def;
}

Result<QList<FormDefinition>> SqlCipherFormStore::definitions()
{
    auto rs = d->db.query(QStringLiteral(
        "SELECT form_id, max(version) FROM forms_definitions GROUP BY form_id ORDER BY form_id"));
    if (!rs)
        return rs.error();
    QList<FormDefinition> out;
    for (const auto &row : rs.value()) {
        auto v = d->validatorFor(row.at(0).toString(), int(row.at(1).toLongLong()));
        if (!v)
            return v.error();
        out << v.value()->definition();
    }
    return out;
}

Result<FormDefinition> SqlCipherFormStore::definition(const QString &formId, int version)
{
    auto v = d->validatorFor(formId, version);
    if (!v)
        return v.error();
    return v.value()->definition();
}

// --- records ----------------------------------------------------------------------------------

Result<FormRecord> SqlCipherFormStore::createDraft(const QString &actor, const NewRecord &record)
{
    FormRecord r;
    QJsonObject detail{{QStringLiteral("form"), record.formId}};
    auto fail = [&](const Error &e) -> Result<FormRecord> {
        d->auditFailure(FormsEvent::RecordCreate, Action::Create, actor, record.patientPseudonym,
                        QStringLiteral("form-record"), {}, e, detail);
        return e;
    };
    if (!holdsAny(d->rolesOf(actor), {kClinician, kDataManager}))
        return fail(denied(tr("Only clinicians and data managers enter records.")));
    if (record.patientId.isNull() ||
        (!d->options.subjectCheck && record.patientPseudonym.trimmed().isEmpty()))
        return fail(makeError(Error::Code::InvalidArgument, tr("A record needs a patient.")));
    auto validator = d->validatorFor(record.formId, record.formVersion);
    if (!validator)
        return fail(validator.error());
    const FormDefinition &def = validator.value()->definition();
    const QJsonObject values = validator.value()->withCalculated(record.values, d->today());
    if (auto v = d->validate(*validator.value(), values, Validator::Mode::Draft, &detail); !v)
        return fail(v.error());

    r.id = QUuid::createUuid();
    r.formId = def.id;
    r.formVersion = def.version;
    r.patientId = record.patientId;
    r.patientPseudonym = record.patientPseudonym.trimmed(); // replaced by the registry's below
    r.eventId = record.eventId;
    r.projectId = record.projectId;
    r.category = def.category;
    r.status = RecordStatus::Draft;
    r.revision = 1;
    r.creatorId = actor;
    r.ownerId = actor;
    r.values = values;
    r.createdAt = d->clock.now().toUTC();
    r.updatedAt = r.createdAt;
    auto tx = d->db.transaction([&]() -> Result<void> {
        // Inside the transaction: a merge committed by another writer is seen, one waiting cannot
        // slip between this check and the insert.
        if (d->options.subjectCheck) {
            auto subject = d->options.subjectCheck(record.patientId, record.eventId);
            if (!subject)
                return subject.error();
            r.patientPseudonym = subject.value();
        }
        auto ins = d->db.execute(
            QStringLiteral(
                "INSERT INTO forms_records (%1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)")
                .arg(rows::kRecordColumns),
            {rows::uuidText(r.id),
             r.formId,
             r.formVersion,
             rows::uuidText(r.patientId),
             r.patientPseudonym,
             rows::uuidText(r.eventId),
             r.projectId,
             r.category,
             recordStatusId(r.status),
             r.revision,
             0,
             actor,
             actor,
             QString(),
             QString(),
             QString(),
             rows::jsonText(r.values),
             rows::jsonText(QJsonObject()),
             r.createdAt.toMSecsSinceEpoch(),
             r.updatedAt.toMSecsSinceEpoch()});
        if (!ins)
            return ins.error();
        return d->writeVersion(r, Transition::SaveDraft, actor, QString(), 0);
    });
    if (!tx)
        return fail(tx.error());
    Impl::Pending pending;
    QJsonObject full = d->recordDetail(r);
    for (auto it = detail.constBegin(); it != detail.constEnd(); ++it)
        full.insert(it.key(), it.value());
    pending.audit << Impl::auditRecord(FormsEvent::RecordCreate, Action::Create, actor, r.patientPseudonym,
                                       QStringLiteral("form-record"), rows::uuidText(r.id), true, full);
    pending.changed.insert(r.id);
    d->publish(pending);
    return r;
}

Result<FormRecord> SqlCipherFormStore::saveDraft(const QString &actor, const QUuid &recordId,
                                                 const QJsonObject &values, int expectedRevision)
{
    return d->transition(
        actor, recordId, expectedRevision, {Transition::SaveDraft, FormsEvent::RecordSave, Action::Update},
        [&](FormRecord &r, const FormRecord &before, Impl::Pending &, QJsonObject &detail, QString &,
            int &) -> Result<void> {
            if (before.ownerId != actor)
                return denied(tr("Only the author of a draft edits it."));
            auto validator = d->validatorFor(before.formId, before.formVersion);
            if (!validator)
                return validator.error();
            r.values = validator.value()->withCalculated(values, d->today());
            return d->validate(*validator.value(), r.values, Validator::Mode::Draft, &detail);
        });
}

Result<FormRecord> SqlCipherFormStore::submit(const QString &actor, const QUuid &recordId,
                                              int expectedRevision)
{
    return d->transition(
        actor, recordId, expectedRevision, {Transition::Submit, FormsEvent::RecordSubmit, Action::Update},
        [&](FormRecord &r, const FormRecord &before, Impl::Pending &pending, QJsonObject &detail, QString &,
            int &) -> Result<void> {
            if (!holdsAny(d->rolesOf(actor), {kClinician, kDataManager}))
                return denied(tr("Only clinicians and data managers submit records."));
            if (before.ownerId != actor)
                return denied(tr("Only the author of a draft submits it."));
            auto validator = d->validatorFor(before.formId, before.formVersion);
            if (!validator)
                return validator.error();
            r.values = validator.value()->withCalculated(before.values, d->today());
            if (auto v = d->validate(*validator.value(), r.values, Validator::Mode::Submit, &detail); !v)
                return v;
            auto candidates = d->eligibleProfiles();
            if (!candidates)
                return candidates.error();
            const auto reviewer =
                chooseReviewer(candidates.value(), before.category, before.projectId, actor);
            if (!reviewer)
                return makeError(Error::Code::NotFound,
                                 tr("No reviewer is available for category '%1' and project '%2'.")
                                     .arg(before.category,
                                          before.projectId.isEmpty() ? tr("(default)") : before.projectId));
            auto earlier =
                d->db.queryOne(QStringLiteral("SELECT count(*) FROM forms_review_tasks WHERE record_id = ?1 "
                                              "AND formal_base = ?2 AND state != 'reassigned'"),
                               {rows::uuidText(before.id), before.formalVersion});
            if (!earlier)
                return earlier.error();
            const int submission = int(earlier.value() ? earlier.value()->at(0).toLongLong() : 0) + 1;
            r.submitterId = actor;
            r.reviewerId = *reviewer;
            auto task = d->openTask(r, *reviewer, actor, submission, r.updatedAt);
            if (!task)
                return task.error();
            if (auto s = d->step(u"submit.task-opened"); !s)
                return s;
            detail.insert(QStringLiteral("task"), task.value());
            detail.insert(QStringLiteral("reviewer"), *reviewer);
            detail.insert(QStringLiteral("submission"), submission);
            pending.audit << Impl::auditRecord(FormsEvent::TaskAssign, Action::Create, actor,
                                               r.patientPseudonym, QStringLiteral("review-task"),
                                               QString::number(task.value()), true,
                                               QJsonObject{{QStringLiteral("record"), rows::uuidText(r.id)},
                                                           {QStringLiteral("reviewer"), *reviewer},
                                                           {QStringLiteral("category"), r.category},
                                                           {QStringLiteral("project"), r.projectId},
                                                           {QStringLiteral("submission"), submission}});
            return d->notify(pending, *reviewer, Notification::Kind::ReviewAssigned, r, actor, QString(),
                             task.value(), r.updatedAt.toMSecsSinceEpoch());
        });
}

Result<FormRecord> SqlCipherFormStore::approve(const QString &actor, const QUuid &recordId,
                                               int expectedRevision, const QString &comment)
{
    return d->transition(
        actor, recordId, expectedRevision, {Transition::Approve, FormsEvent::RecordApprove, Action::Update},
        [&](FormRecord &r, const FormRecord &before, Impl::Pending &pending, QJsonObject &detail,
            QString &reason, int &formalMade) -> Result<void> {
            if (!d->rolesOf(actor).contains(kReviewer))
                return denied(tr("Only reviewers approve records."));
            if (before.submitterId == actor)
                return denied(tr("Nobody reviews their own submission."));
            if (before.reviewerId != actor)
                return denied(tr("Only the assigned reviewer approves this record."));
            auto validator = d->validatorFor(before.formId, before.formVersion);
            if (!validator)
                return validator.error();
            if (auto v = d->validate(*validator.value(), before.values, Validator::Mode::Submit, &detail); !v)
                return v;
            auto task = d->openTaskOf(before.id);
            if (!task)
                return task.error();
            if (!task.value())
                return makeError(Error::Code::Conflict, tr("The record has no open review task."));
            r.formalVersion = before.formalVersion + 1;
            r.formalValues = before.values;
            formalMade = r.formalVersion;
            reason = comment.trimmed().left(kMaxReasonLength);
            if (auto c = d->closeTask(task.value()->id, TaskState::Done, actor, QStringLiteral("approved"),
                                      r.updatedAt.toMSecsSinceEpoch());
                !c)
                return c;
            if (auto s = d->step(u"approve.task-closed"); !s)
                return s;
            detail.insert(QStringLiteral("task"), task.value()->id);
            return d->notify(pending, before.submitterId, Notification::Kind::RecordApproved, r, actor,
                             reason, task.value()->id, r.updatedAt.toMSecsSinceEpoch());
        });
}

Result<FormRecord> SqlCipherFormStore::reject(const QString &actor, const QUuid &recordId,
                                              int expectedRevision, const QString &reason)
{
    return d->transition(
        actor, recordId, expectedRevision, {Transition::Reject, FormsEvent::RecordReject, Action::Update},
        [&](FormRecord &r, const FormRecord &before, Impl::Pending &pending, QJsonObject &detail,
            QString &versionReason, int &) -> Result<void> {
            // Checked inside the transaction so a refusal is audited against the record's patient.
            auto why = requiredReason(reason, tr("reject a record"));
            if (!why)
                return why.error();
            if (!d->rolesOf(actor).contains(kReviewer))
                return denied(tr("Only reviewers reject records."));
            if (before.submitterId == actor)
                return denied(tr("Nobody reviews their own submission."));
            if (before.reviewerId != actor)
                return denied(tr("Only the assigned reviewer rejects this record."));
            auto task = d->openTaskOf(before.id);
            if (!task)
                return task.error();
            if (!task.value())
                return makeError(Error::Code::Conflict, tr("The record has no open review task."));
            r.lastReason = why.value();
            versionReason = why.value();
            if (auto c = d->closeTask(task.value()->id, TaskState::Done, actor, QStringLiteral("rejected"),
                                      r.updatedAt.toMSecsSinceEpoch());
                !c)
                return c;
            detail.insert(QStringLiteral("task"), task.value()->id);
            detail.insert(QStringLiteral("reason"), why.value());
            return d->notify(pending, before.submitterId, Notification::Kind::RecordRejected, r, actor,
                             why.value(), task.value()->id, r.updatedAt.toMSecsSinceEpoch());
        });
}

Result<FormRecord> SqlCipherFormStore::amend(const QString &actor, const QUuid &recordId,
                                             int expectedRevision, const QString &reason)
{
    return d->transition(
        actor, recordId, expectedRevision, {Transition::Amend, FormsEvent::RecordAmend, Action::Update},
        [&](FormRecord &r, const FormRecord &before, Impl::Pending &, QJsonObject &detail,
            QString &versionReason, int &) -> Result<void> {
            auto why = requiredReason(reason, tr("amend an approved record"));
            if (!why)
                return why.error();
            const QStringList held = d->rolesOf(actor);
            const bool creator = before.creatorId == actor && holdsAny(held, {kClinician, kDataManager});
            if (!creator && !held.contains(kDataManager))
                return denied(tr("Only the record's author or a data manager amends an approved record."));
            r.ownerId = actor;
            r.values = before.formalValues;
            r.lastReason = why.value();
            r.reviewerId.clear();
            versionReason = why.value();
            detail.insert(QStringLiteral("reason"), why.value());
            return {};
        });
}

Result<FormRecord> SqlCipherFormStore::withdraw(const QString &actor, const QUuid &recordId,
                                                int expectedRevision)
{
    return d->transition(
        actor, recordId, expectedRevision, {Transition::Withdraw, FormsEvent::RecordWithdraw, Action::Update},
        [&](FormRecord &r, const FormRecord &before, Impl::Pending &, QJsonObject &detail, QString &,
            int &) -> Result<void> {
            if (before.submitterId != actor)
                return denied(tr("Only the submitter withdraws a record from review."));
            auto task = d->openTaskOf(before.id);
            if (!task)
                return task.error();
            if (task.value()) {
                if (auto c = d->closeTask(task.value()->id, TaskState::Withdrawn, actor,
                                          QStringLiteral("withdrawn"), r.updatedAt.toMSecsSinceEpoch());
                    !c)
                    return c;
                detail.insert(QStringLiteral("task"), task.value()->id);
            }
            r.reviewerId.clear();
            return {};
        });
}

Result<FormRecord> SqlCipherFormStore::record(const QString &actor, const QUuid &recordId)
{
    auto r = d->loadRecord(recordId);
    if (!r || !Impl::visibleTo(actor, r.value())) {
        const Error e = r ? recordNotFound() : r.error();
        d->auditFailure(FormsEvent::RecordView, Action::Read, actor, {}, QStringLiteral("form-record"),
                        rows::uuidText(recordId), e);
        return e;
    }
    d->sink.record(Impl::auditRecord(FormsEvent::RecordView, Action::Read, actor, r->patientPseudonym,
                                     QStringLiteral("form-record"), rows::uuidText(recordId), true,
                                     d->recordDetail(r.value())));
    return Impl::asSeenBy(actor, r.value());
}

Result<QList<FormRecord>> SqlCipherFormStore::records(const QString &actor, const RecordFilter &filter)
{
    QString where = QStringLiteral("(status != 'draft' OR owner_id = ?1 OR formal_version > 0)");
    QVariantList params{actor};
    auto add = [&](const QString &column, const QVariant &value) {
        params << value;
        where += QStringLiteral(" AND %1 = ?%2").arg(column).arg(params.size());
    };
    if (filter.patientId)
        add(QStringLiteral("patient_id"), rows::uuidText(*filter.patientId));
    if (filter.eventId)
        add(QStringLiteral("event_id"), rows::uuidText(*filter.eventId));
    if (filter.status)
        add(QStringLiteral("status"), recordStatusId(*filter.status));
    if (!filter.formId.isEmpty())
        add(QStringLiteral("form_id"), filter.formId);
    auto rs =
        d->db.query(QStringLiteral("SELECT %1 FROM forms_records WHERE %2 ORDER BY updated_at DESC, id DESC")
                        .arg(rows::kRecordColumns, where),
                    params);
    if (!rs)
        return rs.error();
    QList<FormRecord> out;
    QStringList patients;
    for (const auto &row : rs.value()) {
        FormRecord r = Impl::asSeenBy(actor, rows::record(row));
        if (!patients.contains(r.patientPseudonym))
            patients << r.patientPseudonym;
        out << std::move(r);
    }
    if (!out.isEmpty()) {
        FormsAuditRecord a = Impl::auditRecord(FormsEvent::RecordView, Action::Read, actor, {}, {}, {}, true,
                                               QJsonObject{{QStringLiteral("records"), out.size()}});
        a.patients = patients;
        d->sink.record(a);
    }
    return out;
}

Result<QList<RecordVersion>> SqlCipherFormStore::history(const QString &actor, const QUuid &recordId)
{
    auto r = d->loadRecord(recordId);
    if (!r)
        return r.error();
    if (!Impl::visibleTo(actor, r.value()))
        return recordNotFound();
    auto rs = d->db.query(
        QStringLiteral("SELECT %1 FROM forms_record_versions WHERE record_id = ?1 ORDER BY revision")
            .arg(rows::kVersionColumns),
        {rows::uuidText(recordId)});
    if (!rs)
        return rs.error();
    QList<RecordVersion> out;
    out.reserve(rs->size());
    for (const auto &row : rs.value())
        out << rows::version(row);
    // Someone else's amendment in progress stays theirs: others see the history up to the formal
    // version in force.
    if (r->status == RecordStatus::Draft && r->ownerId != actor) {
        while (!out.isEmpty() && out.constLast().formalVersion == 0)
            out.removeLast();
    }
    d->sink.record(Impl::auditRecord(FormsEvent::RecordView, Action::Read, actor, r->patientPseudonym,
                                     QStringLiteral("form-record"), rows::uuidText(recordId), true,
                                     QJsonObject{{QStringLiteral("history"), out.size()}}));
    return out;
}

// --- review -----------------------------------------------------------------------------------

Result<void> SqlCipherFormStore::setReviewerProfile(const QString &actor, const ReviewerProfile &profile)
{
    auto fail = [&](const Error &e) -> Result<void> {
        d->auditFailure(FormsEvent::ReviewerProfileSet, Action::Update, actor, {},
                        QStringLiteral("reviewer-profile"), profile.accountId, e);
        return e;
    };
    if (!holdsAny(d->rolesOf(actor), {kDataManager, kSystemAdmin}))
        return fail(denied(tr("Only data managers and system administrators set reviewer profiles.")));
    if (profile.accountId.isEmpty())
        return fail(makeError(Error::Code::InvalidArgument, tr("A reviewer profile needs an account.")));
    if (!d->rolesOf(profile.accountId).contains(kReviewer))
        return fail(
            makeError(Error::Code::InvalidArgument, tr("The account does not hold the reviewer role.")));
    const QString email = profile.email.trimmed();
    if (auto a = checkAddress(email); !a)
        return fail(a.error());
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto w = d->db.execute(
            QStringLiteral("INSERT OR REPLACE INTO forms_reviewer_profiles (account_id, categories, "
                           "projects, email, active, updated_by, updated_at) VALUES (?1, ?2, ?3, "
                           "?4, ?5, ?6, ?7)"),
            {profile.accountId, rows::jsonText(profile.categories), rows::jsonText(profile.projects), email,
             profile.active ? 1 : 0, actor, d->nowMs()});
        if (!w)
            return w.error();
        return {};
    });
    if (!tx)
        return fail(tx.error());
    d->sink.record(
        Impl::auditRecord(FormsEvent::ReviewerProfileSet, Action::Update, actor, {},
                          QStringLiteral("reviewer-profile"), profile.accountId, true,
                          QJsonObject{{QStringLiteral("categories"), toJsonArray(profile.categories)},
                                      {QStringLiteral("projects"), toJsonArray(profile.projects)},
                                      {QStringLiteral("active"), profile.active},
                                      {QStringLiteral("email"), !email.isEmpty()}}));
    return {};
}

Result<QList<ReviewerProfile>> SqlCipherFormStore::reviewerProfiles()
{
    return d->profiles();
}

Result<QList<ReviewTask>> SqlCipherFormStore::inbox(const QString &reviewerId)
{
    auto rs = d->db.query(
        QStringLiteral("SELECT %1 FROM forms_review_tasks t JOIN forms_records r ON r.id = t.record_id "
                       "WHERE t.reviewer_id = ?1 AND t.state = 'open' ORDER BY t.due_at, t.id")
            .arg(rows::kTaskColumns),
        {reviewerId});
    if (!rs)
        return rs.error();
    QList<ReviewTask> out;
    for (const auto &row : rs.value())
        out << rows::task(row);
    return out;
}

Result<QList<ReviewTask>> SqlCipherFormStore::openTasks()
{
    auto rs = d->db.query(
        QStringLiteral("SELECT %1 FROM forms_review_tasks t JOIN forms_records r ON r.id = t.record_id "
                       "WHERE t.state = 'open' ORDER BY t.due_at, t.id")
            .arg(rows::kTaskColumns));
    if (!rs)
        return rs.error();
    QList<ReviewTask> out;
    for (const auto &row : rs.value())
        out << rows::task(row);
    return out;
}

Result<ReviewTask> SqlCipherFormStore::reassign(const QString &actor, qint64 taskId,
                                                const QString &newReviewerId, const QString &reason)
{
    auto fail = [&](const Error &e) -> Result<ReviewTask> {
        d->auditFailure(FormsEvent::TaskReassign, Action::Update, actor, {}, QStringLiteral("review-task"),
                        QString::number(taskId), e);
        return e;
    };
    if (!holdsAny(d->rolesOf(actor), {kDataManager, kSystemAdmin}))
        return fail(denied(tr("Only data managers and system administrators reassign reviews.")));
    auto why = requiredReason(reason, tr("reassign a review"));
    if (!why)
        return fail(why.error());
    if (!d->rolesOf(newReviewerId).contains(kReviewer))
        return fail(
            makeError(Error::Code::InvalidArgument, tr("The new reviewer does not hold the reviewer role.")));
    Impl::Pending pending;
    ReviewTask moved;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto task = d->taskById(taskId);
        if (!task)
            return task.error();
        if (task->state != TaskState::Open)
            return makeError(Error::Code::Conflict, tr("The review task is no longer open."));
        if (task->submitterId == newReviewerId)
            return denied(tr("Nobody reviews their own submission."));
        if (task->reviewerId == newReviewerId)
            return makeError(Error::Code::InvalidArgument,
                             tr("The task is already assigned to that reviewer."));
        auto rec = d->loadRecord(task->recordId);
        if (!rec)
            return rec.error();
        const QDateTime now = d->clock.now().toUTC();
        if (auto c = d->closeTask(taskId, TaskState::Reassigned, actor, QStringLiteral("reassigned"),
                                  now.toMSecsSinceEpoch());
            !c)
            return c;
        FormRecord r = rec.value();
        auto opened = d->openTask(r, newReviewerId, task->submitterId, task->submission, now);
        if (!opened)
            return opened.error();
        auto u = d->db.execute(QStringLiteral("UPDATE forms_records SET reviewer_id = ?1 WHERE id = ?2"),
                               {newReviewerId, rows::uuidText(r.id)});
        if (!u)
            return u.error();
        auto fresh = d->taskById(opened.value());
        if (!fresh)
            return fresh.error();
        moved = fresh.value();
        if (auto n = d->notify(pending, newReviewerId, Notification::Kind::ReviewReassigned, r, actor,
                               why.value(), moved.id, now.toMSecsSinceEpoch());
            !n)
            return n;
        return d->notify(pending, task->reviewerId, Notification::Kind::ReviewReassigned, r, actor,
                         why.value(), moved.id, now.toMSecsSinceEpoch());
    });
    if (!tx)
        return fail(tx.error());
    pending.audit.prepend(
        Impl::auditRecord(FormsEvent::TaskReassign, Action::Update, actor, moved.patientPseudonym,
                          QStringLiteral("review-task"), QString::number(taskId), true,
                          QJsonObject{{QStringLiteral("new_task"), moved.id},
                                      {QStringLiteral("reviewer"), newReviewerId},
                                      {QStringLiteral("record"), rows::uuidText(moved.recordId)},
                                      {QStringLiteral("reason"), why.value()}}));
    pending.changed.insert(moved.recordId);
    d->publish(pending);
    return moved;
}

Result<QList<ReviewTask>> SqlCipherFormStore::escalateOverdue()
{
    Impl::Pending pending;
    QList<ReviewTask> escalated;
    const QStringList managers = d->dataManagers ? d->dataManagers() : QStringList();
    auto tx = d->db.transaction([&]() -> Result<void> {
        escalated.clear();
        const QDateTime now = d->clock.now().toUTC();
        auto rs = d->db.query(
            QStringLiteral("SELECT %1 FROM forms_review_tasks t JOIN forms_records r ON r.id = "
                           "t.record_id WHERE t.state = 'open' AND t.escalated = 0 AND t.due_at <= ?1 "
                           "ORDER BY t.due_at, t.id")
                .arg(rows::kTaskColumns),
            {now.toMSecsSinceEpoch()});
        if (!rs)
            return rs.error();
        for (const auto &row : rs.value()) {
            ReviewTask t = rows::task(row);
            auto u = d->db.execute(
                QStringLiteral("UPDATE forms_review_tasks SET escalated = 1 WHERE id = ?1"), {t.id});
            if (!u)
                return u.error();
            t.escalated = true;
            auto rec = d->loadRecord(t.recordId);
            if (!rec)
                return rec.error();
            QStringList recipients{t.reviewerId};
            for (const QString &m : managers) {
                if (!recipients.contains(m))
                    recipients << m;
            }
            for (const QString &who : std::as_const(recipients)) {
                if (auto n = d->notify(pending, who, Notification::Kind::ReviewOverdue, rec.value(),
                                       kSystemActor, QString(), t.id, now.toMSecsSinceEpoch());
                    !n)
                    return n;
            }
            pending.audit << Impl::auditRecord(
                FormsEvent::TaskEscalate, Action::Update, kSystemActor, t.patientPseudonym,
                QStringLiteral("review-task"), QString::number(t.id), true,
                QJsonObject{{QStringLiteral("record"), rows::uuidText(t.recordId)},
                            {QStringLiteral("reviewer"), t.reviewerId},
                            {QStringLiteral("due"), t.dueAt.toString(Qt::ISODate)}});
            pending.changed.insert(t.recordId);
            escalated << t;
        }
        return {};
    });
    if (!tx)
        return tx.error();
    d->publish(pending);
    return escalated;
}

Result<int> SqlCipherFormStore::noteGrantReminders(const QList<GrantReminder> &due)
{
    Impl::Pending pending;
    int made = 0;
    // A notice names the grant by a UUID derived from its id (the column holds record ids).
    static const QUuid kGrantNamespace = QUuid::fromString(u"{6d1f3a52-4f0e-4b7a-9a43-0c7f2e5b9d11}");
    auto tx = d->db.transaction([&]() -> Result<void> {
        made = 0;
        const qint64 now = d->clock.now().toMSecsSinceEpoch();
        for (const GrantReminder &reminder : due) {
            if (reminder.accountId.isEmpty() || reminder.grantId.isEmpty() || reminder.days <= 0)
                continue;
            FormRecord grant;
            grant.id = QUuid::createUuidV5(kGrantNamespace, reminder.grantId);
            grant.formId = reminder.requestNumber;
            const QString days = QString::number(reminder.days);
            auto held = d->db.queryOne(
                QStringLiteral("SELECT 1 FROM forms_notifications WHERE kind = ?1 AND record_id = ?2 AND "
                               "recipient_id = ?3 AND reason = ?4"),
                {rows::notificationKindText(Notification::Kind::GrantExpiring), rows::uuidText(grant.id),
                 reminder.accountId, days});
            if (!held)
                return held.error();
            if (held->has_value())
                continue;
            if (auto n = d->notify(pending, reminder.accountId, Notification::Kind::GrantExpiring, grant,
                                   kSystemActor, days, 0, now);
                !n)
                return n;
            ++made;
        }
        return {};
    });
    if (!tx)
        return tx.error();
    d->publish(pending);
    return made;
}

Result<int> SqlCipherFormStore::noteSecurityAlerts(const QList<SecurityAlertNotice> &alerts)
{
    Impl::Pending pending;
    int made = 0;
    // A notice names the alert by a UUID derived from its event id (the column holds record ids).
    static const QUuid kAlertNamespace = QUuid::fromString(u"{0b7c4e21-93d5-4a8f-b1e6-5f2a7c9d3e40}");
    auto tx = d->db.transaction([&]() -> Result<void> {
        made = 0;
        const qint64 now = d->clock.now().toMSecsSinceEpoch();
        for (const SecurityAlertNotice &alert : alerts) {
            static const QRegularExpression ruleId(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$"));
            if (alert.accountId.isEmpty() || alert.alertId.isEmpty() ||
                !ruleId.match(alert.ruleId).hasMatch())
                continue;
            FormRecord subject;
            subject.id = QUuid::createUuidV5(kAlertNamespace, alert.alertId);
            subject.formId = alert.ruleId;
            auto held = d->db.queryOne(
                QStringLiteral("SELECT 1 FROM forms_notifications WHERE kind = ?1 AND record_id = ?2 AND "
                               "recipient_id = ?3"),
                {rows::notificationKindText(Notification::Kind::SecurityAlert), rows::uuidText(subject.id),
                 alert.accountId});
            if (!held)
                return held.error();
            if (held->has_value())
                continue;
            if (auto n = d->notify(pending, alert.accountId, Notification::Kind::SecurityAlert, subject,
                                   kSystemActor, QString::number(alert.count), 0, now);
                !n)
                return n;
            ++made;
        }
        return {};
    });
    if (!tx)
        return tx.error();
    d->publish(pending);
    return made;
}

void SqlCipherFormStore::setReviewPeriodSeconds(qint64 seconds)
{
    d->options.reviewPeriodSeconds = qMax<qint64>(seconds, 0);
}

// --- notices ----------------------------------------------------------------------------------

Result<QList<Notification>> SqlCipherFormStore::notifications(const QString &accountId, bool unreadOnly)
{
    auto rs = d->db.query(QStringLiteral("SELECT %1 FROM forms_notifications n WHERE n.recipient_id = ?1 %2 "
                                         "ORDER BY n.at DESC, n.id DESC")
                              .arg(rows::kNotificationColumns,
                                   unreadOnly ? QStringLiteral("AND n.read_at IS NULL") : QString()),
                          {accountId});
    if (!rs)
        return rs.error();
    QList<Notification> out;
    for (const auto &row : rs.value())
        out << rows::notification(row);
    return out;
}

Result<int> SqlCipherFormStore::unreadCount(const QString &accountId)
{
    auto row = d->db.queryOne(
        QStringLiteral(
            "SELECT count(*) FROM forms_notifications WHERE recipient_id = ?1 AND read_at IS NULL"),
        {accountId});
    if (!row)
        return row.error();
    return row.value() ? int(row.value()->at(0).toLongLong()) : 0;
}

Result<void> SqlCipherFormStore::markRead(const QString &accountId, qint64 notificationId)
{
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto exists = d->db.queryOne(
            QStringLiteral("SELECT read_at FROM forms_notifications WHERE id = ?1 AND recipient_id = ?2"),
            {notificationId, accountId});
        if (!exists)
            return exists.error();
        if (!exists.value())
            return makeError(Error::Code::NotFound, tr("No such notice."));
        auto u = d->db.execute(QStringLiteral("UPDATE forms_notifications SET read_at = ?1 WHERE id = ?2 AND "
                                              "read_at IS NULL"),
                               {d->nowMs(), notificationId});
        if (!u)
            return u.error();
        return {};
    });
    return tx;
}

Result<void> SqlCipherFormStore::markAllRead(const QString &accountId)
{
    return d->db.transaction([&]() -> Result<void> {
        auto u = d->db.execute(
            QStringLiteral("UPDATE forms_notifications SET read_at = ?1 WHERE recipient_id = ?2 AND "
                           "read_at IS NULL"),
            {d->nowMs(), accountId});
        if (!u)
            return u.error();
        return {};
    });
}

Result<QList<FormStore::PendingEmail>> SqlCipherFormStore::pendingEmails()
{
    auto rs = d->db.query(
        QStringLiteral("SELECT %1, coalesce(nullif(p.email, ''), e.address, '') FROM forms_notifications n "
                       "LEFT JOIN forms_reviewer_profiles p ON p.account_id = n.recipient_id "
                       "LEFT JOIN forms_notification_emails e ON e.account_id = n.recipient_id "
                       "WHERE n.email_state = 'pending' ORDER BY n.id")
            .arg(rows::kNotificationColumns));
    if (!rs)
        return rs.error();
    QList<PendingEmail> out;
    for (const auto &row : rs.value()) {
        const QString address = row.at(11).toString();
        if (address.isEmpty())
            continue; // the address was removed since: nothing to send it to
        out << PendingEmail{rows::notification(row), address};
    }
    return out;
}

Result<void> SqlCipherFormStore::markEmailed(qint64 notificationId, bool delivered, const QString &error)
{
    return d->db.transaction([&]() -> Result<void> {
        auto u = d->db.execute(
            // A failed attempt stays pending for the next run (the relay may be back), with the
            // error kept; after kMaxEmailAttempts it is given up as 'error' so a dead address does
            // not retry for ever. The in-app notice is there either way.
            QStringLiteral("UPDATE forms_notifications SET email_state = CASE WHEN ?1 THEN 'delivered' "
                           "WHEN email_attempts + 1 >= ?5 THEN 'error' ELSE 'pending' END, email_error = ?2, "
                           "email_attempts = email_attempts + 1, emailed_at = ?3 WHERE id = ?4 AND "
                           "email_state = 'pending'"),
            {delivered ? 1 : 0, delivered ? QString() : error.left(500), d->nowMs(), notificationId,
             kMaxEmailAttempts});
        if (!u)
            return u.error();
        if (u.value() != 1)
            return makeError(Error::Code::NotFound, tr("No notice with this id is waiting to be e-mailed."));
        return {};
    });
}

Result<void> SqlCipherFormStore::setNotificationEmail(const QString &actor, const QString &accountId,
                                                      const QString &address)
{
    auto fail = [&](const Error &e) -> Result<void> {
        d->auditFailure(FormsEvent::NotificationEmailSet, Action::Update, actor, {},
                        QStringLiteral("account"), accountId, e);
        return e;
    };
    if (actor != accountId && !holdsAny(d->rolesOf(actor), {kDataManager, kSystemAdmin}))
        return fail(denied(tr("Only the account itself, a data manager or a system administrator sets its "
                              "notice address.")));
    if (accountId.isEmpty())
        return fail(makeError(Error::Code::InvalidArgument, tr("No account given.")));
    const QString trimmed = address.trimmed();
    if (auto a = checkAddress(trimmed); !a)
        return fail(a.error());
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto w =
            trimmed.isEmpty()
                ? d->db.execute(QStringLiteral("DELETE FROM forms_notification_emails WHERE account_id = ?1"),
                                {accountId})
                : d->db.execute(
                      QStringLiteral("INSERT OR REPLACE INTO forms_notification_emails (account_id, "
                                     "address, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4)"),
                      {accountId, trimmed, actor, d->nowMs()});
        if (!w)
            return w.error();
        return {};
    });
    if (!tx)
        return fail(tx.error());
    d->sink.record(Impl::auditRecord(FormsEvent::NotificationEmailSet, Action::Update, actor, {},
                                     QStringLiteral("account"), accountId, true,
                                     QJsonObject{{QStringLiteral("email"), !trimmed.isEmpty()}}));
    return {};
}

void SqlCipherFormStore::setChangeListener(std::function<void(const QUuid &recordId)> listener)
{
    d->changeListener = std::move(listener);
}

// --- following the registry's merges --------------------------------------------------------------

Result<QList<QUuid>> SqlCipherFormStore::moveRecordsToPatient(const QUuid &from, const QUuid &to,
                                                              const QString &toPseudonym)
{
    QList<QUuid> moved;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto rs =
            d->db.query(QStringLiteral("SELECT id FROM forms_records WHERE patient_id = ?1 ORDER BY id"),
                        {rows::uuidText(from)});
        if (!rs)
            return rs.error();
        for (const auto &row : rs.value())
            moved << QUuid::fromString(row.at(0).toString());
        auto u = d->db.execute(
            QStringLiteral(
                "UPDATE forms_records SET patient_id = ?1, patient_pseudonym = ?2 WHERE patient_id = ?3"),
            {rows::uuidText(to), toPseudonym, rows::uuidText(from)});
        if (!u)
            return u.error();
        return {};
    });
    if (!tx)
        return tx.error();
    return moved;
}

Result<void> SqlCipherFormStore::moveRecordsBack(const QList<QUuid> &recordIds, const QUuid &from,
                                                 const QUuid &to, const QString &toPseudonym)
{
    return d->db.transaction([&]() -> Result<void> {
        for (const QUuid &id : recordIds) {
            auto u = d->db.execute(
                QStringLiteral("UPDATE forms_records SET patient_id = ?1, patient_pseudonym = ?2 "
                               "WHERE id = ?3 AND patient_id = ?4"),
                {rows::uuidText(to), toPseudonym, rows::uuidText(id), rows::uuidText(from)});
            if (!u)
                return u.error();
            if (u.value() != 1)
                return makeError(
                    Error::Code::Corrupt,
                    tr("A form record moved by the merge is no longer with the surviving patient."));
        }
        return {};
    });
}

// --- site sync ------------------------------------------------------------------------------------

Result<SqlCipherFormStore::SyncState> SqlCipherFormStore::syncState(const QUuid &recordId)
{
    auto record = d->loadRecord(recordId);
    if (!record)
        return record.error();
    SyncState state;
    state.record = std::move(record.value());
    auto version = d->db.queryOne(
        QStringLiteral("SELECT transition, actor_id, reason, formal_version FROM forms_record_versions "
                       "WHERE record_id = ?1 AND revision = ?2"),
        {rows::uuidText(recordId), state.record.revision});
    if (!version)
        return version.error();
    if (version.value()) {
        state.transition =
            rows::transitionFromId(version.value()->at(0).toString()).value_or(Transition::SaveDraft);
        state.actorId = version.value()->at(1).toString();
        state.reason = version.value()->at(2).toString();
        state.formalVersionMade = int(version.value()->at(3).toLongLong());
    }
    auto definition = d->db.queryOne(
        QStringLiteral("SELECT json FROM forms_definitions WHERE form_id = ?1 AND version = ?2"),
        {state.record.formId, state.record.formVersion});
    if (!definition)
        return definition.error();
    if (definition.value())
        state.definitionJson = definition.value()->at(0).toString().toUtf8();
    return state;
}

Result<bool> SqlCipherFormStore::applySyncState(const SyncState &state, QString *refusal)
{
    const FormRecord &r = state.record;
    QString refused;
    // Rolls back whatever the transaction wrote so far (a form definition): nothing of a refused
    // change stays.
    const auto refuse = [&](const QString &why) -> Result<void> {
        refused = why.isEmpty() ? tr("refused") : why;
        return makeError(Error::Code::Cancelled, refused);
    };
    const auto answer = [&]() -> Result<bool> {
        if (refusal)
            *refusal = refused;
        return false;
    };
    if (refusal)
        refusal->clear();
    if (r.id.isNull() || r.revision <= 0 || r.formId.isEmpty()) {
        (void)refuse(tr("A synchronised record lacks its id or revision."));
        return answer();
    }
    if (r.formVersion < 1 || r.formVersion > 1000000) {
        (void)refuse(tr("A synchronised record names form version %1.").arg(r.formVersion));
        return answer();
    }
    bool applied = false;
    Impl::Pending pending;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto known = d->db.queryOne(
            QStringLiteral("SELECT 1 FROM forms_definitions WHERE form_id = ?1 AND version = ?2"),
            {r.formId, r.formVersion});
        if (!known)
            return known.error();
        if (!known.value()) {
            auto parsed = FormDefinition::fromJson(state.definitionJson);
            if (!parsed)
                return refuse(
                    tr("The record's form definition cannot be read: %1").arg(parsed.error().message));
            FormDefinition def = std::move(parsed.value());
            if (def.id != r.formId)
                return refuse(tr("The record's form definition is not the one it names."));
            def.version = r.formVersion;
            const QByteArray json = QJsonDocument(def.toJson()).toJson(QJsonDocument::Compact);
            if (auto again = FormDefinition::fromJson(json); !again) // as it will be read back
                return refuse(
                    tr("The record's form definition cannot be read: %1").arg(again.error().message));
            const QString text = QString::fromUtf8(json);
            auto ins = d->db.execute(
                QStringLiteral("INSERT INTO forms_definitions (form_id, version, json, hash, category, "
                               "imported_by, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
                {def.id, def.version, text, contentHash(def), def.category, kSystemActor, d->nowMs()});
            if (!ins)
                return ins.error();
        }
        auto row = d->db.queryOne(
            QStringLiteral("SELECT %1 FROM forms_records WHERE id = ?1").arg(rows::kRecordColumns),
            {rows::uuidText(r.id)});
        if (!row)
            return row.error();
        std::optional<FormRecord> local;
        if (row.value())
            local = rows::record(*row.value());
        if (local && local->revision >= r.revision)
            return {}; // seen already (or later): idempotent
        auto why = d->refusalOf(state, local);
        if (!why)
            return why.error();
        if (!why->isEmpty())
            return refuse(*why);
        const QVariantList values{rows::uuidText(r.id),
                                  r.formId,
                                  r.formVersion,
                                  rows::uuidText(r.patientId),
                                  r.patientPseudonym,
                                  rows::uuidText(r.eventId),
                                  r.projectId,
                                  r.category,
                                  recordStatusId(r.status),
                                  r.revision,
                                  r.formalVersion,
                                  r.creatorId,
                                  r.ownerId,
                                  r.submitterId,
                                  r.reviewerId,
                                  r.lastReason,
                                  rows::jsonText(r.values),
                                  rows::jsonText(r.formalValues),
                                  r.createdAt.toMSecsSinceEpoch(),
                                  r.updatedAt.toMSecsSinceEpoch()};
        // An update in place where the record exists: its versions and tasks refer to the row.
        auto written = d->db.execute(
            local
                ? QStringLiteral("UPDATE forms_records SET form_id = ?2, form_version = ?3, patient_id = ?4, "
                                 "patient_pseudonym = ?5, event_id = ?6, project_id = ?7, category = ?8, "
                                 "status = ?9, revision = ?10, formal_version = ?11, creator_id = ?12, "
                                 "owner_id = ?13, submitter_id = ?14, reviewer_id = ?15, last_reason = ?16, "
                                 "values_json = ?17, formal_json = ?18, created_at = ?19, updated_at = ?20 "
                                 "WHERE id = ?1")
                : QStringLiteral("INSERT INTO forms_records (%1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                 "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)")
                      .arg(rows::kRecordColumns),
            values);
        if (!written)
            return written.error();
        if (auto v =
                d->writeVersion(r, state.transition, state.actorId, state.reason, state.formalVersionMade);
            !v)
            return v;
        // The review task follows the status: open for the reviewer while pending, closed otherwise.
        auto open = d->openTaskOf(r.id);
        if (!open)
            return open.error();
        const qint64 at = r.updatedAt.toMSecsSinceEpoch();
        if (r.status == RecordStatus::Pending) {
            if (open.value() && open.value()->reviewerId != r.reviewerId) {
                if (auto c = d->closeTask(open.value()->id, TaskState::Reassigned, state.actorId,
                                          QStringLiteral("reassigned"), at);
                    !c)
                    return c;
                open.value().reset();
            }
            if (!open.value()) {
                auto task = d->openTask(r, r.reviewerId, r.submitterId, 1, r.updatedAt);
                if (!task)
                    return task.error();
                if (auto n = d->notify(pending, r.reviewerId, Notification::Kind::ReviewAssigned, r,
                                       state.actorId, QString(), task.value(), at);
                    !n)
                    return n;
            }
        } else if (open.value()) {
            const TaskState closed = r.status == RecordStatus::Approved || r.status == RecordStatus::Rejected
                                         ? TaskState::Done
                                         : TaskState::Withdrawn;
            if (auto c = d->closeTask(open.value()->id, closed, state.actorId, recordStatusId(r.status), at);
                !c)
                return c;
            if (state.transition == Transition::Approve || state.transition == Transition::Reject) {
                const auto kind = state.transition == Transition::Approve
                                      ? Notification::Kind::RecordApproved
                                      : Notification::Kind::RecordRejected;
                if (auto n = d->notify(pending, r.submitterId, kind, r, state.actorId, state.reason,
                                       open.value()->id, at);
                    !n)
                    return n;
            }
        }
        applied = true;
        return {};
    });
    if (!refused.isEmpty()) {
        // A definition stored by this entry was rolled back with it: no validator of it stays cached.
        d->validators.erase(std::make_pair(r.formId, r.formVersion));
        return answer();
    }
    if (!tx)
        return tx.error();
    if (applied) {
        pending.changed.insert(r.id);
        d->publish(pending);
    }
    return applied;
}

} // namespace mdp::forms
