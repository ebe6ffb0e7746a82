#include "PatientCommands.h"

#include "ActingUser.h"

#include "mdp/registry/PatientSearch.h"
#include "mdp/registry/Pseudonymizer.h"
#include "mdp/registry/Registry.h"
#include "mdp/workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::cli {

namespace {

using namespace mdp::registry;

int usage(QTextStream &err, const PatientCommandArgs &args, const QString &problem)
{
    err << "mdp: " << problem << "\n"
        << "usage: " << args.usage << "\n";
    err.flush();
    return 2;
}

int fail(QTextStream &err, const Error &error)
{
    err << "mdp: " << error.message << " (" << Error::codeName(error.code) << ")\n";
    err.flush();
    return 1;
}

QString actorOf(workspace::Workspace &ws)
{
    const auto session = ws.session();
    return session ? session->accountId : ws.custodianId().toString(QUuid::WithoutBraces);
}

// The passphrase's authority (the workspace custodian) unless `--as USER` names an account, which
// then signs in (password, second factor, lock-out, audit) and acts under its own role: a merge
// override needs a data manager signed in. Afterwards actorOf() names whoever acts.
Result<QString> signInActing(const PatientCommandArgs &args, workspace::Workspace &ws)
{
    return ActingUser::actor(ws, args);
}

// A patient named on the command line by pseudonymous ID ("P-...") or internal id.
Result<Patient> resolve(workspace::Workspace &ws, const QString &ref)
{
    const QString text = ref.trimmed();
    if (Pseudonymizer::looksLikePatientPseudonym(text.toUpper()))
        return ws.registry().patientByPseudonym(actorOf(ws), text);
    const QUuid id = QUuid::fromString(text);
    if (id.isNull())
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("'%1' is not a pseudonymous ID (P-...) or a patient id").arg(text.left(40)));
    return ws.registry().patient(actorOf(ws), id);
}

QString describeSex(Sex sex)
{
    return sexCode(sex);
}

int cmdAdd(const PatientCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString nationalId = args.value(QStringLiteral("national-id"));
    const QString name = args.value(QStringLiteral("name"));
    const QString sexText = args.value(QStringLiteral("sex"));
    const QString birthText = args.value(QStringLiteral("birth-date"));
    if (nationalId.isEmpty() || name.isEmpty() || sexText.isEmpty() || birthText.isEmpty())
        return usage(err, args,
                     QStringLiteral("patient add needs --national-id, --name, --sex and --birth-date"));
    const auto sex = sexFromCode(sexText);
    if (!sex || (*sex != Sex::Male && *sex != Sex::Female))
        return usage(err, args, QStringLiteral("--sex must be M or F"));
    const QDate birth = QDate::fromString(birthText, QStringLiteral("yyyy-MM-dd"));
    if (!birth.isValid())
        return usage(err, args, QStringLiteral("--birth-date must be a date written YYYY-MM-DD"));
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    if (auto signedIn = signInActing(args, *ws.value()); !signedIn)
        return fail(err, signedIn.error());
    PatientDraft draft;
    draft.name = PersonName::fromFullName(name);
    draft.sex = *sex;
    draft.birthDate = birth;
    draft.contact.phone = args.value(QStringLiteral("phone"));
    // The operator at the command line vouches for the number (read from the card); --unverified
    // records it as typed from another source.
    draft.identifiers << PatientIdentifier{
        IdentifierType::ResidentId, nationalId, {}, !args.has(QStringLiteral("unverified"))};
    auto &reg = ws.value()->registry();
    // R-6.1.1b: a second patient under the same unverified resident ID only on the operator's
    // explicit decision, with a reason for the audit trail; without it the registry refuses.
    DuplicateDecision decision;
    if (args.has(QStringLiteral("create-separate"))) {
        decision.choice = DuplicateDecision::Choice::CreateSeparate;
        decision.reason = args.value(QStringLiteral("create-separate"));
    }
    auto created = reg.createPatient(actorOf(*ws.value()), draft, decision);
    if (!created) {
        const int rc = fail(err, created.error());
        if (created.error().code == Error::Code::Conflict &&
            decision.choice == DuplicateDecision::Choice::None)
            err << "mdp: to register a separate person anyway: --create-separate REASON\n";
        return rc;
    }
    out << "patient " << created->pseudonymId << " created\n";
    auto queue = reg.possibleDuplicates(DuplicateStatus::Open);
    if (queue) {
        for (const DuplicateCandidate &c : queue.value()) {
            if (c.patientA != created->id && c.patientB != created->id)
                continue;
            const QString other = c.patientA == created->id ? c.pseudonymB : c.pseudonymA;
            out << "possible duplicate of " << other << " queued for review ("
                << c.reasons.join(QStringLiteral(", ")) << ")\n";
        }
    }
    return 0;
}

int cmdFind(const PatientCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString query = args.value(QStringLiteral("query"));
    if (query.trimmed().isEmpty())
        return usage(err, args, QStringLiteral("patient find needs --query TEXT"));
    bool limitOk = false;
    int limit = args.value(QStringLiteral("limit")).toInt(&limitOk);
    if (!limitOk || limit <= 0)
        limit = 20;
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    SearchFilter filter;
    // The command line acts with the passphrase, which opens every record anyway.
    filter.identityVisible = true;
    if (const auto session = ws.value()->session())
        filter.roles = session->roles;
    auto hits = ws.value()->patientSearch().search(query, limit, filter);
    if (!hits)
        return fail(err, hits.error());
    const bool json = args.has(QStringLiteral("json"));
    for (const PatientHit &h : hits.value()) {
        if (json) {
            out << QJsonDocument(
                       QJsonObject{{QStringLiteral("pseudonym"), h.pseudonymId},
                                   {QStringLiteral("name"), h.displayName},
                                   {QStringLiteral("sex"), describeSex(h.sex)},
                                   {QStringLiteral("birth_date"), h.birthDate.toString(Qt::ISODate)},
                                   {QStringLiteral("matched"), h.matchedField}})
                       .toJson(QJsonDocument::Compact)
                << "\n";
        } else {
            out << h.pseudonymId << "  " << h.displayName << "  " << describeSex(h.sex) << "  "
                << h.birthDate.toString(Qt::ISODate) << "  (" << h.matchedField << ")\n";
        }
    }
    if (!json)
        out << hits->size() << " patient(s)\n";
    return 0;
}

int cmdShow(const PatientCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString ref = args.value(QStringLiteral("id"));
    if (ref.isEmpty())
        return usage(err, args, QStringLiteral("patient show needs --id PSEUDONYM"));
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    auto p = resolve(*ws.value(), ref);
    if (!p)
        return fail(err, p.error());
    auto &reg = ws.value()->registry();
    auto events = reg.events(actorOf(*ws.value()), p->id);
    if (!events)
        return fail(err, events.error());
    auto lineage = reg.lineage(p->id);
    if (!lineage)
        return fail(err, lineage.error());
    QString mergedInto;
    if (p->isMerged()) {
        for (const MergeRecord &m : lineage.value()) {
            if (!m.undone && m.mergedId == p->id)
                mergedInto = m.survivorPseudonym;
        }
    }
    if (args.has(QStringLiteral("json"))) {
        QJsonArray ids;
        for (const auto &i : p->identifiers)
            ids.append(QJsonObject{{QStringLiteral("type"), identifierTypeId(i.type)},
                                   {QStringLiteral("value"), i.masked()},
                                   {QStringLiteral("verified"), i.verified}});
        QJsonArray evs;
        for (const auto &e : events.value())
            evs.append(QJsonObject{{QStringLiteral("id"), e.idString()},
                                   {QStringLiteral("type"), eventTypeId(e.content.type)},
                                   {QStringLiteral("start"), e.content.start.toString()},
                                   {QStringLiteral("end"), e.content.end.toString()},
                                   {QStringLiteral("title"), e.content.title},
                                   {QStringLiteral("version"), e.version},
                                   {QStringLiteral("attachments"), int(e.attachments.size())}});
        QJsonArray merges;
        for (const auto &m : lineage.value())
            merges.append(QJsonObject{{QStringLiteral("id"), m.idString()},
                                      {QStringLiteral("survivor"), m.survivorPseudonym},
                                      {QStringLiteral("merged"), m.mergedPseudonym},
                                      {QStringLiteral("undone"), m.undone}});
        out << QJsonDocument(QJsonObject{{QStringLiteral("pseudonym"), p->pseudonymId},
                                         {QStringLiteral("name"), p->name.display()},
                                         {QStringLiteral("pinyin"), p->pinyin},
                                         {QStringLiteral("sex"), describeSex(p->sex)},
                                         {QStringLiteral("birth_date"), p->birthDate.toString(Qt::ISODate)},
                                         {QStringLiteral("version"), p->version},
                                         {QStringLiteral("merged_into"), mergedInto},
                                         {QStringLiteral("identifiers"), ids},
                                         {QStringLiteral("events"), evs},
                                         {QStringLiteral("merges"), merges}})
                   .toJson(QJsonDocument::Compact)
            << "\n";
        return 0;
    }
    out << "patient     " << p->pseudonymId << "\n"
        << "name        " << p->name.display() << " (" << p->pinyin << ")\n"
        << "sex         " << describeSex(p->sex) << "\n"
        << "birth date  " << p->birthDate.toString(Qt::ISODate) << "\n"
        << "version     " << p->version << "\n";
    if (!mergedInto.isEmpty())
        out << "merged into " << mergedInto << "\n";
    for (const auto &i : p->identifiers)
        out << "identifier  " << identifierTypeId(i.type) << " " << i.masked()
            << (i.verified ? " (verified)" : " (unverified)") << "\n";
    for (const auto &m : lineage.value())
        out << "merge       " << m.idString() << ": " << m.mergedPseudonym << " into " << m.survivorPseudonym
            << (m.undone ? " (undone)" : "") << "\n";
    out << events->size() << " event(s)\n";
    for (const auto &e : events.value()) {
        out << "  " << e.content.start.toString();
        if (!e.content.end.isNull())
            out << " .. " << e.content.end.toString();
        out << "  " << eventTypeId(e.content.type) << "  " << e.content.title;
        if (!e.attachments.isEmpty())
            out << "  [" << e.attachments.size() << " file(s)]";
        out << "\n";
    }
    return 0;
}

int cmdMerge(const PatientCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString survivorRef = args.value(QStringLiteral("survivor"));
    const QString mergedRef = args.value(QStringLiteral("merged"));
    const QString reason = args.value(QStringLiteral("reason"));
    if (survivorRef.isEmpty() || mergedRef.isEmpty() || reason.trimmed().isEmpty())
        return usage(err, args,
                     QStringLiteral("patient merge needs --survivor ID --merged ID --reason TEXT"));
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    if (auto signedIn = signInActing(args, *ws.value()); !signedIn)
        return fail(err, signedIn.error());
    auto survivor = resolve(*ws.value(), survivorRef);
    if (!survivor)
        return fail(err, survivor.error());
    auto merged = resolve(*ws.value(), mergedRef);
    if (!merged)
        return fail(err, merged.error());
    // Two different verified resident IDs are two people: the registry refuses unless a data
    // manager overrides, with a reason (checked and audited by the registry).
    std::optional<MergeOverride> mergeOverride;
    if (args.has(QStringLiteral("override-reason")))
        mergeOverride = MergeOverride{args.value(QStringLiteral("override-reason"))};
    auto record =
        ws.value()->registry().merge(actorOf(*ws.value()), survivor->id, merged->id, reason, mergeOverride);
    if (!record) {
        const int rc = fail(err, record.error());
        if (record.error().code == Error::Code::Conflict && !mergeOverride)
            err << "mdp: a data manager signed in with --as can override: --override-reason TEXT\n";
        return rc;
    }
    out << "merged " << record->mergedPseudonym << " into " << record->survivorPseudonym << ": "
        << record->movedEvents.size() << " event(s), " << record->movedIdentifiers.size()
        << " identifier(s) moved\n"
        << "merge " << record->idString() << " (undo with: mdp patient unmerge --merge " << record->idString()
        << ")\n";
    return 0;
}

int cmdUnmerge(const PatientCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QUuid mergeId = QUuid::fromString(args.value(QStringLiteral("merge")).trimmed());
    if (mergeId.isNull())
        return usage(err, args,
                     QStringLiteral("patient unmerge needs --merge MERGEID (as printed by patient merge)"));
    QString reason = args.value(QStringLiteral("reason"));
    if (reason.trimmed().isEmpty())
        reason = QStringLiteral("unmerged on the command line");
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    if (auto signedIn = signInActing(args, *ws.value()); !signedIn)
        return fail(err, signedIn.error());
    auto record = ws.value()->registry().unmerge(actorOf(*ws.value()), mergeId, reason);
    if (!record)
        return fail(err, record.error());
    out << "unmerged " << record->mergedPseudonym << " from " << record->survivorPseudonym << ": "
        << record->movedEvents.size() << " event(s), " << record->movedIdentifiers.size()
        << " identifier(s) restored\n";
    return 0;
}

int cmdDuplicates(const PatientCommandArgs &args, QTextStream &out, QTextStream &err)
{
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    auto queue = ws.value()->registry().possibleDuplicates(DuplicateStatus::Open);
    if (!queue)
        return fail(err, queue.error());
    for (const DuplicateCandidate &c : queue.value())
        out << c.id << "  " << c.pseudonymA << "  " << c.pseudonymB << "  "
            << QString::number(c.score, 'f', 2) << "  " << c.reasons.join(QStringLiteral(", ")) << "\n";
    out << queue->size() << " possible duplicate pair(s)\n";
    return 0;
}

} // namespace

QList<CommandSyntax> patientSyntax()
{
    using S = CommandSyntax;
    const S::Option as =
        S::optional(QStringLiteral("as"), QStringLiteral("USER"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                      "act as this account, which signs in with its password "
                                      "(MDP_USER_PASSWORD or a prompt; default: the workspace custodian)"));
    const S::Option totp =
        S::optional(QStringLiteral("totp"), QStringLiteral("CODE"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the --as account's verification code"));
    const QString patient = QStringLiteral("patient");
    return {
        S(patient, QStringLiteral("add"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "register a patient; an invalid or duplicate resident ID is refused"),
          {
              S::workspace(),
              S::required(QStringLiteral("national-id"), QStringLiteral("ID"),
                          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "resident ID, 18 characters")),
              S::required(QStringLiteral("name"), QStringLiteral("NAME"),
                          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "full name")),
              S::required(QStringLiteral("sex"), QStringLiteral("M|F"),
                          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "sex")),
              S::required(QStringLiteral("birth-date"), QStringLiteral("YYYY-MM-DD"),
                          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "date of birth")),
              S::optional(QStringLiteral("phone"), QStringLiteral("P"),
                          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "contact phone number")),
              S::flag(QStringLiteral("unverified"),
                      QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                        "the ID was not read from the card (typed from another source)")),
              S::optional(QStringLiteral("create-separate"), QStringLiteral("REASON"),
                          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                            "another patient holds the same unverified ID: register a "
                                            "separate person anyway, for this reason (audited)")),
              as,
              totp,
          }),
        S(patient, QStringLiteral("find"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "search by pseudonymous ID, name or pinyin"),
          {S::workspace(),
           S::required(QStringLiteral("query"), QStringLiteral("TEXT"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "what to look for")),
           S::optional(QStringLiteral("limit"), QStringLiteral("N"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "at most N hits (default 20)")),
           S::flag(QStringLiteral("json"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "one JSON object per line"))}),
        S(patient, QStringLiteral("show"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "demographics, identifiers (masked) and timeline"),
          {S::workspace(),
           S::required(QStringLiteral("id"), QStringLiteral("PSEUDONYM"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the patient's pseudonymous ID or id")),
           S::flag(QStringLiteral("json"), QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "JSON output"))}),
        S(patient, QStringLiteral("merge"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "merge two registrations of one person; undone exactly by unmerge"),
          {
              S::workspace(),
              S::required(QStringLiteral("survivor"), QStringLiteral("ID"),
                          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the patient that remains")),
              S::required(QStringLiteral("merged"), QStringLiteral("ID"),
                          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the patient merged into it")),
              S::required(QStringLiteral("reason"), QStringLiteral("TEXT"),
                          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "why, for the audit trail")),
              S::optional(QStringLiteral("override-reason"), QStringLiteral("TEXT"),
                          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                            "data managers only: merge although the verified resident "
                                            "IDs differ, for this reason (audited)")),
              as,
              totp,
          }),
        S(patient, QStringLiteral("unmerge"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "undo a merge exactly"),
          {S::workspace(),
           S::required(QStringLiteral("merge"), QStringLiteral("MERGEID"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "as printed by patient merge")),
           S::optional(QStringLiteral("reason"), QStringLiteral("TEXT"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "why, for the audit trail")),
           as, totp}),
        S(patient, QStringLiteral("duplicates"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "possible duplicates waiting for review"),
          {S::workspace()}),
    };
}

int runPatientCommand(const PatientCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    if (verb == QStringLiteral("add"))
        return cmdAdd(args, out, err);
    if (verb == QStringLiteral("find"))
        return cmdFind(args, out, err);
    if (verb == QStringLiteral("show"))
        return cmdShow(args, out, err);
    if (verb == QStringLiteral("merge"))
        return cmdMerge(args, out, err);
    if (verb == QStringLiteral("unmerge"))
        return cmdUnmerge(args, out, err);
    if (verb == QStringLiteral("duplicates"))
        return cmdDuplicates(args, out, err);
    return usage(err, args, QStringLiteral("patient needs add, find, show, merge, unmerge or duplicates"));
}

} // namespace mdp::cli
