#include "FormCommands.h"

#include "ActingUser.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/forms/FormStore.h"
#include "mdp/forms/RecordDiff.h"
#include "mdp/registry/Pseudonymizer.h"
#include "mdp/registry/Registry.h"
#include "mdp/workspace/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::cli {

namespace {

using namespace mdp::forms;

int usage(QTextStream &err, const FormCommandArgs &args, const QString &problem)
{
    err << "mdp: " << problem << "\n"
        << "usage: " << args.usage << "\n"
        << "--revision defaults to the record's current revision; give it to be told when someone else\n"
        << "changed the record since you last looked.\n";
    err.flush();
    return 2;
}

int fail(QTextStream &err, const Error &error)
{
    err << "mdp: " << error.message << " (" << Error::codeName(error.code) << ")\n";
    err.flush();
    return 1;
}

QStringList listOption(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

// Account ids <-> user names, for readable output.
struct Directory
{
    QHash<QString, QString> nameById;

    static Result<Directory> load(workspace::Workspace &ws)
    {
        auto all = ws.accounts().list();
        if (!all)
            return all.error();
        Directory d;
        for (const auto &a : all.value())
            d.nameById.insert(a.idString(), a.userName);
        return d;
    }
    QString name(const QString &id) const
    {
        return id.isEmpty() ? QStringLiteral("-") : nameById.value(id, id);
    }
};

// The account a reviewer profile is for (`reviewer set --user`); it does not act.
Result<QString> accountIdOf(workspace::Workspace &ws, const QString &userName)
{
    auto account = ws.accounts().find(userName);
    if (!account)
        return account.error();
    if (!account.value())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("no account named '%1'").arg(userName.left(64)));
    return account.value()->idString();
}

Result<QJsonObject> valuesFrom(const FormCommandArgs &args)
{
    QByteArray text;
    if (args.has(QStringLiteral("values-file"))) {
        QFile f(args.value(QStringLiteral("values-file")));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(Error::Code::Io, QStringLiteral("cannot read %1").arg(f.fileName()));
        text = f.readAll();
    } else if (args.has(QStringLiteral("values"))) {
        text = args.value(QStringLiteral("values")).toUtf8();
    } else {
        return QJsonObject();
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the values must be a JSON object (%1 at offset %2)")
                             .arg(pe.errorString())
                             .arg(pe.offset));
    return doc.object();
}

QString valueText(const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return QStringLiteral("—");
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 12);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QJsonObject recordJson(const FormRecord &r, const Directory &dir)
{
    return QJsonObject{{QStringLiteral("id"), r.id.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("form"), r.formId},
                       {QStringLiteral("form_version"), r.formVersion},
                       {QStringLiteral("patient"), r.patientPseudonym},
                       {QStringLiteral("project"), r.projectId},
                       {QStringLiteral("category"), r.category},
                       {QStringLiteral("status"), recordStatusId(r.status)},
                       {QStringLiteral("revision"), r.revision},
                       {QStringLiteral("formal_version"), r.formalVersion},
                       {QStringLiteral("creator"), dir.name(r.creatorId)},
                       {QStringLiteral("owner"), dir.name(r.ownerId)},
                       {QStringLiteral("submitter"), dir.name(r.submitterId)},
                       {QStringLiteral("reviewer"), dir.name(r.reviewerId)},
                       {QStringLiteral("reason"), r.lastReason},
                       {QStringLiteral("values"), r.values},
                       {QStringLiteral("formal_values"), r.formalValues},
                       {QStringLiteral("updated"), r.updatedAt.toString(Qt::ISODateWithMs)}};
}

void printSummary(QTextStream &out, const FormRecord &r, const QString &what)
{
    out << "record " << r.id.toString(QUuid::WithoutBraces) << " " << what << " (" << recordStatusId(r.status)
        << ", revision " << r.revision;
    if (r.formalVersion > 0)
        out << ", formal version " << r.formalVersion;
    out << ")\n";
}

int cmdFormImport(const FormCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString file = args.words.value(2, args.value(QStringLiteral("file")));
    if (file.isEmpty())
        return usage(err, args, QStringLiteral("form import needs FILE.json"));
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return fail(err, makeError(Error::Code::Io, QStringLiteral("cannot read %1").arg(file)));
    const QByteArray json = f.readAll();
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    // The passphrase's authority (the custodian, a system administrator) unless --as names someone,
    // who then signs in.
    auto actor = ActingUser::actor(*ws.value(), args);
    if (!actor)
        return fail(err, actor.error());
    auto def = ws.value()->forms().importDefinition(actor.value(), json);
    if (!def)
        return fail(err, def.error());
    out << "form " << def->id << " version " << def->version << " (" << def->fieldCount()
        << " fields, category " << def->category << ")\n";
    return 0;
}

int cmdFormList(const FormCommandArgs &args, QTextStream &out, QTextStream &err)
{
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    auto defs = ws.value()->forms().definitions();
    if (!defs)
        return fail(err, defs.error());
    for (const FormDefinition &d : defs.value()) {
        out << QStringLiteral("%1 v%2 %3 %4 fields  %5\n")
                   .arg(d.id, -28)
                   .arg(d.version, -3)
                   .arg(d.category, -14)
                   .arg(d.fieldCount(), 3)
                   .arg(d.title.text(u"en"));
    }
    out << defs->size() << " form(s)\n";
    return 0;
}

int cmdReviewer(const FormCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    if (verb != QStringLiteral("set") && verb != QStringLiteral("list"))
        return usage(err, args, QStringLiteral("reviewer needs set or list"));
    if (verb == QStringLiteral("set") && args.value(QStringLiteral("user")).isEmpty())
        return usage(err, args, QStringLiteral("reviewer set needs --user NAME"));
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    auto dir = Directory::load(*ws.value());
    if (!dir)
        return fail(err, dir.error());
    FormStore &store = ws.value()->forms();
    if (verb == QStringLiteral("set")) {
        auto id = accountIdOf(*ws.value(), args.value(QStringLiteral("user")));
        if (!id)
            return fail(err, id.error());
        ReviewerProfile p;
        p.accountId = id.value();
        p.categories = listOption(args.value(QStringLiteral("categories")));
        p.projects = listOption(args.value(QStringLiteral("projects")));
        p.email = args.value(QStringLiteral("email"));
        p.active = !args.has(QStringLiteral("inactive"));
        const auto session = ws.value()->session();
        auto r = store.setReviewerProfile(
            session ? session->accountId : ws.value()->custodianId().toString(QUuid::WithoutBraces), p);
        if (!r)
            return fail(err, r.error());
        out << "reviewer " << args.value(QStringLiteral("user")) << ": categories "
            << (p.categories.isEmpty() ? QStringLiteral("any") : p.categories.join(QLatin1Char(',')))
            << ", projects "
            << (p.projects.isEmpty() ? QStringLiteral("any") : p.projects.join(QLatin1Char(',')))
            << (p.email.isEmpty() ? QString() : QStringLiteral(", e-mail notices on"))
            << (p.active ? QString() : QStringLiteral(", inactive")) << "\n";
        return 0;
    }
    auto profiles = store.reviewerProfiles();
    if (!profiles)
        return fail(err, profiles.error());
    for (const ReviewerProfile &p : profiles.value()) {
        out << QStringLiteral("%1 %2 %3 open %4 %5\n")
                   .arg(dir->name(p.accountId), -20)
                   .arg(p.categories.isEmpty() ? QStringLiteral("*") : p.categories.join(QLatin1Char(',')),
                        -24)
                   .arg(p.projects.isEmpty() ? QStringLiteral("*") : p.projects.join(QLatin1Char(',')), -16)
                   .arg(p.openTasks, 3)
                   .arg(p.active ? QStringLiteral("active") : QStringLiteral("inactive"));
    }
    return 0;
}

int showRecord(FormStore &store, const QString &actor, const QUuid &id, const Directory &dir, bool json,
               QTextStream &out, QTextStream &err)
{
    auto r = store.record(actor, id);
    if (!r)
        return fail(err, r.error());
    auto history = store.history(actor, id);
    if (!history)
        return fail(err, history.error());
    auto def = store.definition(r->formId, r->formVersion);
    if (!def)
        return fail(err, def.error());
    // The change a reviewer looks at: the last formal version against what is now on the record
    // (or the two last formal versions once approved).
    const RecordVersion *lastFormal = nullptr;
    const RecordVersion *previousFormal = nullptr;
    for (const RecordVersion &v : history.value()) {
        if (v.formalVersion > 0) {
            previousFormal = lastFormal;
            lastFormal = &v;
        }
    }
    QList<FieldChange> changes;
    if (r->status == RecordStatus::Approved && previousFormal && lastFormal)
        changes = diffRecords(def.value(), previousFormal->values, lastFormal->values);
    else if (r->status != RecordStatus::Approved && lastFormal)
        changes = diffRecords(def.value(), lastFormal->values, r->values);

    if (json) {
        QJsonObject o = recordJson(r.value(), dir);
        QJsonArray versions;
        for (const RecordVersion &v : history.value())
            versions.append(QJsonObject{{QStringLiteral("revision"), v.revision},
                                        {QStringLiteral("transition"), transitionId(v.transition)},
                                        {QStringLiteral("status"), recordStatusId(v.status)},
                                        {QStringLiteral("formal_version"), v.formalVersion},
                                        {QStringLiteral("actor"), dir.name(v.actorId)},
                                        {QStringLiteral("at"), v.at.toString(Qt::ISODateWithMs)},
                                        {QStringLiteral("reason"), v.reason}});
        o.insert(QStringLiteral("history"), versions);
        QJsonArray diff;
        for (const FieldChange &c : std::as_const(changes))
            diff.append(QJsonObject{{QStringLiteral("field"), c.fieldPath},
                                    {QStringLiteral("before"), c.before},
                                    {QStringLiteral("after"), c.after}});
        o.insert(QStringLiteral("changes"), diff);
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        return 0;
    }
    out << "record          " << r->id.toString(QUuid::WithoutBraces) << "\n"
        << "form            " << r->formId << " v" << r->formVersion << " (" << r->category << ")\n"
        << "patient         " << r->patientPseudonym << "\n"
        << "status          " << recordStatusId(r->status) << ", revision " << r->revision << "\n"
        << "formal version  " << r->formalVersion << "\n"
        << "creator         " << dir.name(r->creatorId) << "\n";
    if (!r->submitterId.isEmpty())
        out << "submitter       " << dir.name(r->submitterId) << "\n";
    if (!r->reviewerId.isEmpty())
        out << "reviewer        " << dir.name(r->reviewerId) << "\n";
    if (!r->lastReason.isEmpty())
        out << "last reason     " << r->lastReason << "\n";
    out << "values:\n";
    for (const FieldDefinition *f : def->fields()) {
        if (r->values.contains(f->id))
            out << "  " << f->id << " = " << displayValue(*f, r->values.value(f->id), u"en") << "\n";
    }
    out << "history:\n";
    for (const RecordVersion &v : history.value()) {
        out << "  r" << v.revision << "  " << v.at.toString(Qt::ISODate) << "  " << transitionId(v.transition)
            << " -> " << recordStatusId(v.status) << "  by " << dir.name(v.actorId);
        if (v.formalVersion > 0)
            out << "  formal version " << v.formalVersion;
        if (!v.reason.isEmpty())
            out << "  reason: " << v.reason;
        out << "\n";
    }
    if (!changes.isEmpty()) {
        out << "changes:\n";
        for (const FieldChange &c : std::as_const(changes))
            out << "  " << c.fieldPath << ": " << valueText(c.before) << " -> " << valueText(c.after) << "\n";
    }
    return 0;
}

int cmdRecord(const FormCommandArgs &args, QTextStream &out, QTextStream &err)
{
    static const QStringList verbs{QStringLiteral("create"),   QStringLiteral("save"),
                                   QStringLiteral("submit"),   QStringLiteral("approve"),
                                   QStringLiteral("reject"),   QStringLiteral("amend"),
                                   QStringLiteral("withdraw"), QStringLiteral("show"),
                                   QStringLiteral("list"),     QStringLiteral("inbox")};
    const QString verb = args.words.value(1);
    if (!verbs.contains(verb))
        return usage(err, args,
                     QStringLiteral("record needs one of %1").arg(verbs.join(QStringLiteral(", "))));
    if (args.value(QStringLiteral("as")).isEmpty())
        return usage(err, args, QStringLiteral("record commands act as an account: give --as USER"));
    const bool needsId =
        verb != QStringLiteral("create") && verb != QStringLiteral("list") && verb != QStringLiteral("inbox");
    QUuid recordId;
    if (needsId) {
        recordId = QUuid::fromString(args.value(QStringLiteral("id")));
        if (recordId.isNull())
            return usage(err, args,
                         QStringLiteral("record %1 needs --id RECORD (the record's uuid)").arg(verb));
    }
    if ((verb == QStringLiteral("reject") || verb == QStringLiteral("amend")) &&
        !args.has(QStringLiteral("reason")))
        return usage(err, args, QStringLiteral("record %1 needs --reason TEXT").arg(verb));
    std::optional<int> revision;
    if (args.has(QStringLiteral("revision"))) {
        bool ok = false;
        revision = args.value(QStringLiteral("revision")).toInt(&ok);
        if (!ok || *revision <= 0)
            return usage(err, args, QStringLiteral("--revision takes a positive number"));
    }
    auto values = valuesFrom(args);
    if (!values)
        return usage(err, args, values.error().message);
    if (verb == QStringLiteral("create") &&
        (args.value(QStringLiteral("form")).isEmpty() || args.value(QStringLiteral("patient")).isEmpty()))
        return usage(err, args, QStringLiteral("record create needs --form ID and --patient PSEUDONYM"));
    if (verb == QStringLiteral("save") && !args.has(QStringLiteral("values")) &&
        !args.has(QStringLiteral("values-file")))
        return usage(err, args, QStringLiteral("record save needs --values JSON or --values-file FILE"));

    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    auto session =
        ActingUser::signIn(*ws.value(), args.value(QStringLiteral("as")), args.value(QStringLiteral("totp")));
    if (!session)
        return fail(err, session.error());
    const QString actor = session->accountId;
    auto dir = Directory::load(*ws.value());
    if (!dir)
        return fail(err, dir.error());
    FormStore &store = ws.value()->forms();

    if (verb == QStringLiteral("create")) {
        const QString ref = args.value(QStringLiteral("patient")).trimmed().toUpper();
        if (!registry::Pseudonymizer::looksLikePatientPseudonym(ref))
            return usage(err, args, QStringLiteral("--patient takes a pseudonymous ID (P-...)"));
        auto patient = ws.value()->registry().patientByPseudonym(actor, ref);
        if (!patient)
            return fail(err, patient.error());
        NewRecord n;
        n.formId = args.value(QStringLiteral("form"));
        n.patientId = patient->id;
        n.patientPseudonym = patient->pseudonymId;
        n.eventId = QUuid::fromString(args.value(QStringLiteral("event")));
        n.projectId = args.value(QStringLiteral("project"));
        n.values = values.value();
        auto r = store.createDraft(actor, n);
        if (!r)
            return fail(err, r.error());
        printSummary(out, r.value(), QStringLiteral("created"));
        return 0;
    }
    if (verb == QStringLiteral("list")) {
        RecordFilter filter;
        if (args.has(QStringLiteral("patient"))) {
            auto patient = ws.value()->registry().patientByPseudonym(
                actor, args.value(QStringLiteral("patient")).toUpper());
            if (!patient)
                return fail(err, patient.error());
            filter.patientId = patient->id;
        }
        if (args.has(QStringLiteral("status"))) {
            filter.status = recordStatusFromId(args.value(QStringLiteral("status")));
            if (!filter.status)
                return usage(err, args,
                             QStringLiteral("--status takes draft, pending, rejected or approved"));
        }
        filter.formId = args.value(QStringLiteral("form"));
        auto list = store.records(actor, filter);
        if (!list)
            return fail(err, list.error());
        const bool json = args.has(QStringLiteral("json"));
        for (const FormRecord &r : list.value()) {
            if (json)
                out << QJsonDocument(recordJson(r, dir.value())).toJson(QJsonDocument::Compact) << "\n";
            else
                out << r.id.toString(QUuid::WithoutBraces) << "  " << QStringLiteral("%1").arg(r.formId, -24)
                    << "  " << r.patientPseudonym << "  "
                    << QStringLiteral("%1").arg(recordStatusId(r.status), -9) << "  r" << r.revision
                    << "  formal " << r.formalVersion << "  by " << dir->name(r.creatorId) << "\n";
        }
        if (!json)
            out << list->size() << " record(s)\n";
        return 0;
    }
    if (verb == QStringLiteral("inbox")) {
        auto tasks = store.inbox(actor);
        if (!tasks)
            return fail(err, tasks.error());
        for (const ReviewTask &t : tasks.value()) {
            out << "task " << t.id << "  record " << t.recordId.toString(QUuid::WithoutBraces) << "  "
                << t.formId << "  " << t.patientPseudonym << "  from " << dir->name(t.submitterId) << "  due "
                << t.dueAt.toString(Qt::ISODate) << (t.escalated ? "  OVERDUE" : "") << "\n";
        }
        auto unread = store.unreadCount(actor);
        out << tasks->size() << " open task(s), " << (unread ? unread.value() : 0) << " unread notice(s)\n";
        return 0;
    }
    if (verb == QStringLiteral("show"))
        return showRecord(store, actor, recordId, dir.value(), args.has(QStringLiteral("json")), out, err);

    // The revision a write starts from: as given, or the one the actor sees now.
    int expected = 0;
    if (revision) {
        expected = *revision;
    } else {
        auto current = store.record(actor, recordId);
        if (!current)
            return fail(err, current.error());
        expected = current->revision;
    }
    Result<FormRecord> r = makeError(Error::Code::Unknown, QString());
    QString what;
    if (verb == QStringLiteral("save")) {
        r = store.saveDraft(actor, recordId, values.value(), expected);
        what = QStringLiteral("saved");
    } else if (verb == QStringLiteral("submit")) {
        r = store.submit(actor, recordId, expected);
        what = QStringLiteral("submitted");
    } else if (verb == QStringLiteral("approve")) {
        r = store.approve(actor, recordId, expected, args.value(QStringLiteral("comment")));
        what = QStringLiteral("approved");
    } else if (verb == QStringLiteral("reject")) {
        r = store.reject(actor, recordId, expected, args.value(QStringLiteral("reason")));
        what = QStringLiteral("rejected");
    } else if (verb == QStringLiteral("amend")) {
        r = store.amend(actor, recordId, expected, args.value(QStringLiteral("reason")));
        what = QStringLiteral("opened for amendment");
    } else {
        r = store.withdraw(actor, recordId, expected);
        what = QStringLiteral("withdrawn");
    }
    if (!r)
        return fail(err, r.error());
    printSummary(out, r.value(), what);
    if (verb == QStringLiteral("submit"))
        out << "review assigned to " << dir->name(r->reviewerId) << "\n";
    return 0;
}

// What every record verb takes: the account it acts as and that account's second factor.
QList<CommandSyntax::Option> actingAs(QList<CommandSyntax::Option> options)
{
    using S = CommandSyntax;
    options.prepend(S::optional(QStringLiteral("totp"), QStringLiteral("CODE"),
                                QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                                  "the account's current verification code (asked for on a "
                                                  "terminal when missing)")));
    options.prepend(S::required(QStringLiteral("as"), QStringLiteral("USER"),
                                QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                                  "the account that acts; it signs in with its password "
                                                  "(MDP_USER_PASSWORD or a prompt)")));
    options.prepend(S::workspace());
    return options;
}

} // namespace

QList<CommandSyntax> formSyntax()
{
    using S = CommandSyntax;
    const QString record = QStringLiteral("record");
    const S::Option id = S::required(QStringLiteral("id"), QStringLiteral("RECORD"),
                                     QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the record's uuid"));
    const S::Option revision = S::optional(
        QStringLiteral("revision"), QStringLiteral("N"),
        QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                          "the revision you last saw; refused if someone changed the record since"));
    const S::Option values =
        S::optional(QStringLiteral("values"), QStringLiteral("JSON"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "field values as a JSON object"));
    const S::Option valuesFile = S::optional(
        QStringLiteral("values-file"), QStringLiteral("FILE"),
        QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "field values as a JSON object read from FILE"));
    const S::Option reason =
        S::required(QStringLiteral("reason"), QStringLiteral("TEXT"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "why, kept in the history"));
    const S::Option json =
        S::flag(QStringLiteral("json"), QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "JSON output"));
    return {
        S(QStringLiteral("form"), QStringLiteral("import"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "import a form definition (a new id or a new version); a broken rule is refused "
                            "with its position"),
          {S::workspace(),
           S::optional(QStringLiteral("file"), QStringLiteral("FILE.json"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the definition, instead of FILE.json")),
           S::optional(QStringLiteral("as"), QStringLiteral("USER"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "import as this account, which signs in (default: the workspace "
                                         "custodian)")),
           S::optional(QStringLiteral("totp"), QStringLiteral("CODE"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the --as account's verification code"))},
          QStringLiteral("FILE.json")),
        S(QStringLiteral("form"), QStringLiteral("list"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "latest version of each form"), {S::workspace()}),
        S(record, QStringLiteral("create"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "start a draft record"),
          actingAs(
              {S::required(QStringLiteral("form"), QStringLiteral("ID"),
                           QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the form's id")),
               S::required(QStringLiteral("patient"), QStringLiteral("PSEUDONYM"),
                           QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the patient's pseudonymous ID")),
               S::optional(QStringLiteral("event"), QStringLiteral("UUID"),
                           QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the timeline event it belongs to")),
               S::optional(QStringLiteral("project"), QStringLiteral("P"),
                           QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the project it is collected for")),
               values, valuesFile})),
        S(record, QStringLiteral("save"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "save a draft's values"),
          actingAs({id, values, valuesFile, revision})),
        S(record, QStringLiteral("submit"), QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "submit for review"),
          actingAs({id, revision})),
        S(record, QStringLiteral("approve"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "approve: the record becomes a formal version"),
          actingAs({id,
                    S::optional(QStringLiteral("comment"), QStringLiteral("TEXT"),
                                QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the reviewer's comment")),
                    revision})),
        S(record, QStringLiteral("reject"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "send back to the submitter"),
          actingAs({id, reason, revision})),
        S(record, QStringLiteral("amend"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "open an approved record for amendment"),
          actingAs({id, reason, revision})),
        S(record, QStringLiteral("withdraw"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "take a submitted record back"),
          actingAs({id, revision})),
        S(record, QStringLiteral("show"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "values, history and the change under review"),
          actingAs({id, json})),
        S(record, QStringLiteral("list"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "records the account sees"),
          actingAs({S::optional(QStringLiteral("patient"), QStringLiteral("PSEUDONYM"),
                                QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "one patient's records")),
                    S::optional(
                        QStringLiteral("status"), QStringLiteral("S"),
                        QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "draft, pending, rejected or approved")),
                    S::optional(QStringLiteral("form"), QStringLiteral("ID"),
                                QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "one form's records")),
                    json})),
        S(record, QStringLiteral("inbox"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the account's open review tasks"), actingAs({})),
        S(QStringLiteral("reviewer"), QStringLiteral("set"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "what a reviewer is assigned"),
          {S::workspace(),
           S::required(QStringLiteral("user"), QStringLiteral("NAME"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the reviewer's account")),
           S::optional(QStringLiteral("categories"), QStringLiteral("a,b"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "form categories (default: any)")),
           S::optional(QStringLiteral("projects"), QStringLiteral("p,q"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "projects (default: any)")),
           S::optional(QStringLiteral("email"), QStringLiteral("ADDRESS"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "where review notices are sent")),
           S::flag(QStringLiteral("inactive"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "assign no new reviews"))}),
        S(QStringLiteral("reviewer"), QStringLiteral("list"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "reviewer profiles and open tasks"), {S::workspace()}),
    };
}

int runFormCommand(const FormCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString noun = args.words.value(0);
    const QString verb = args.words.value(1);
    if (noun == QStringLiteral("form")) {
        if (verb == QStringLiteral("import"))
            return cmdFormImport(args, out, err);
        if (verb == QStringLiteral("list"))
            return cmdFormList(args, out, err);
        return usage(err, args, QStringLiteral("form needs import or list"));
    }
    if (noun == QStringLiteral("reviewer"))
        return cmdReviewer(args, out, err);
    return cmdRecord(args, out, err);
}

} // namespace mdp::cli
