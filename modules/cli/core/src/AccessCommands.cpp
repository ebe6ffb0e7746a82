#include "AccessCommands.h"

#include "mdp/access/AccessRequest.h"
#include "mdp/policy/Classification.h"
#include "mdp/workspace/SiteAccess.h"
#include "mdp/workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace mdp::cli {

namespace {

int usage(QTextStream &err, const AccessCommandArgs &args, const QString &problem)
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

void printRequest(QTextStream &out, const access::AccessRequest &r, bool json)
{
    if (json) {
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("revision"), double(r.revision));
        out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << "\n";
        return;
    }
    out << r.number << "  " << access::requestStatusId(r.status);
    if (r.status == access::RequestStatus::Approval)
        out << " (step " << (r.step + 1) << ")";
    out << "  " << r.requester << "  project " << r.scope.project << "  level<=" << r.scope.maxLevel << "  "
        << r.durationDays << " days\n";
}

// The workspace, opened and signed in through the site server, with the account's session there.
Result<std::unique_ptr<workspace::Workspace>> openAtServer(const AccessCommandArgs &args)
{
    if (!args.has(QStringLiteral("as")))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("access requests are made in an account's name: give --as USER"));
    auto ws = args.openWorkspace();
    if (!ws)
        return ws.error();
    if (!ws.value()->siteAccess().connected())
        return makeError(
            Error::Code::Unauthenticated,
            QStringLiteral("the account did not sign in through the site server (offline, or this "
                           "workstation is not linked): access requests live there"));
    return ws;
}

int cmdRequest(const AccessCommandArgs &args, QTextStream &out, QTextStream &err)
{
    access::Scope scope;
    scope.project = args.value(QStringLiteral("project"));
    bool ok = false;
    scope.maxLevel = args.value(QStringLiteral("level")).toInt(&ok);
    if (scope.project.isEmpty() || !ok)
        return usage(err, args, QStringLiteral("access request needs --project and --level"));
    static const QRegularExpression comma(QStringLiteral("\\s*,\\s*"));
    for (const QString &id : args.value(QStringLiteral("category")).split(comma, Qt::SkipEmptyParts)) {
        const auto category = policy::categoryFromId(id);
        if (!category)
            return usage(err, args, QStringLiteral("unknown category '%1'").arg(id));
        scope.categories << *category;
    }
    scope.patients = args.value(QStringLiteral("patients")).split(comma, Qt::SkipEmptyParts);
    scope.cohort = args.value(QStringLiteral("cohort")).trimmed();
    scope.aggregateOnly = args.has(QStringLiteral("counts-only"));
    scope.exportAllowed = args.has(QStringLiteral("export"));
    if (auto checked = access::Scope::fromJson(scope.toJson()); !checked)
        return fail(err, checked.error());
    const int days = args.has(QStringLiteral("days")) ? args.value(QStringLiteral("days")).toInt() : 90;
    const QString agreement = args.value(QStringLiteral("accept-agreement"));
    if (agreement != workspace::AccessDesk::agreementVersion())
        return usage(err, args,
                     QStringLiteral("accept the data-sharing agreement with --accept-agreement %1 (its text: "
                                    "mdp access agreement)")
                         .arg(workspace::AccessDesk::agreementVersion()));
    auto ws = openAtServer(args);
    if (!ws)
        return fail(err, ws.error());
    auto sent =
        ws.value()->siteAccess().submit(args.value(QStringLiteral("purpose")), scope, days, agreement);
    if (!sent)
        return fail(err, sent.error());
    printRequest(out, *sent, args.has(QStringLiteral("json")));
    return 0;
}

int cmdList(const AccessCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString view =
        args.has(QStringLiteral("view")) ? args.value(QStringLiteral("view")) : QStringLiteral("mine");
    workspace::AccessDesk::View v = workspace::AccessDesk::View::Mine;
    if (view == QStringLiteral("ethics"))
        v = workspace::AccessDesk::View::Ethics;
    else if (view == QStringLiteral("approvals"))
        v = workspace::AccessDesk::View::Approvals;
    else if (view != QStringLiteral("mine"))
        return usage(err, args, QStringLiteral("--view is mine, ethics or approvals"));
    auto ws = openAtServer(args);
    if (!ws)
        return fail(err, ws.error());
    auto listed = ws.value()->siteAccess().requests(v);
    if (!listed)
        return fail(err, listed.error());
    for (const access::AccessRequest &r : *listed)
        printRequest(out, r, args.has(QStringLiteral("json")));
    return 0;
}

// review (the ethics step), approve and reject (the approval step or the ethics step).
int cmdDecide(const AccessCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    const QString number = args.words.value(2);
    if (number.isEmpty())
        return usage(err, args, QStringLiteral("access %1 needs the request NUMBER").arg(verb));
    access::Verdict verdict = access::Verdict::Approve;
    if (verb == QStringLiteral("review")) {
        const int given = int(args.has(QStringLiteral("pass"))) + int(args.has(QStringLiteral("reject"))) +
                          int(args.has(QStringLiteral("more-information")));
        if (given != 1)
            return usage(err, args,
                         QStringLiteral("access review needs one of --pass, --reject, --more-information"));
        verdict = args.has(QStringLiteral("pass"))     ? access::Verdict::Approve
                  : args.has(QStringLiteral("reject")) ? access::Verdict::Reject
                                                       : access::Verdict::MoreInformation;
    } else if (verb == QStringLiteral("reject")) {
        verdict = access::Verdict::Reject;
    }
    const QString reason = args.value(QStringLiteral("reason"));
    if (verdict != access::Verdict::Approve && reason.trimmed().isEmpty())
        return usage(err, args, QStringLiteral("give the reason with --reason TEXT"));
    auto ws = openAtServer(args);
    if (!ws)
        return fail(err, ws.error());
    workspace::SiteAccess &desk = ws.value()->siteAccess();
    auto request = desk.request(number);
    if (!request)
        return fail(err, request.error());
    if (verb == QStringLiteral("review") && request->status != access::RequestStatus::EthicsReview)
        return fail(err, makeError(Error::Code::Conflict,
                                   QStringLiteral("%1 is not waiting for the ethics review (%2)")
                                       .arg(number, access::requestStatusId(request->status))));
    auto decided = desk.decide(number, verdict, reason, request->revision);
    if (!decided)
        return fail(err, decided.error());
    printRequest(out, *decided, args.has(QStringLiteral("json")));
    return 0;
}

int cmdRevoke(const AccessCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString grant = args.words.value(2);
    const QString patient = args.value(QStringLiteral("consent-withdrawn"));
    const QString reason = args.value(QStringLiteral("reason"));
    if (grant.isEmpty() == patient.isEmpty())
        return usage(err, args,
                     QStringLiteral("access revoke needs a GRANT id or --consent-withdrawn PSEUDONYM"));
    if (reason.trimmed().size() < 3)
        return usage(err, args, QStringLiteral("give the reason with --reason TEXT"));
    auto ws = openAtServer(args);
    if (!ws)
        return fail(err, ws.error());
    if (!grant.isEmpty()) {
        if (auto revoked = ws.value()->siteAccess().revokeGrant(grant, reason); !revoked)
            return fail(err, revoked.error());
        out << "grant " << grant << " revoked; workstations drop it at their next sync\n";
        return 0;
    }
    auto revoked = ws.value()->siteAccess().withdrawConsent(patient, reason);
    if (!revoked)
        return fail(err, revoked.error());
    out << revoked->size() << " grant(s) naming " << patient << " revoked\n";
    for (const QString &id : *revoked) {
        if (!id.isEmpty())
            out << "  " << id << "\n";
    }
    return 0;
}

int cmdGrants(const AccessCommandArgs &args, QTextStream &out, QTextStream &err)
{
    auto ws = openAtServer(args);
    if (!ws)
        return fail(err, ws.error());
    auto grants = ws.value()->myGrants();
    if (!grants)
        return fail(err, grants.error());
    const bool json = args.has(QStringLiteral("json"));
    for (const workspace::Workspace::GrantInForce &g : *grants) {
        if (json) {
            out << QString::fromUtf8(
                       QJsonDocument(
                           QJsonObject{
                               {QStringLiteral("id"), g.id},
                               {QStringLiteral("request"), g.request},
                               {QStringLiteral("project"), g.project},
                               {QStringLiteral("maxLevel"), g.maxLevel},
                               {QStringLiteral("notBefore"), g.notBefore.toString(Qt::ISODate)},
                               {QStringLiteral("notAfter"), g.notAfter.toString(Qt::ISODate)},
                               {QStringLiteral("approvers"), QJsonArray::fromStringList(g.approvers)}})
                           .toJson(QJsonDocument::Compact))
                << "\n";
        } else {
            out << g.id << "  " << g.request << "  project " << g.project << "  level<=" << g.maxLevel
                << "  until " << g.notAfter.toUTC().toString(Qt::ISODate) << "  approved by "
                << g.approvers.join(QStringLiteral(", ")) << "\n";
        }
    }
    return 0;
}

} // namespace

QList<CommandSyntax> accessSyntax()
{
    using S = CommandSyntax;
    const S::Option json =
        S::flag(QStringLiteral("json"), QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "JSON output"));
    const S::Option as =
        S::required(QStringLiteral("as"), QStringLiteral("USER"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                      "the account that acts (signs in through the site server)"));
    const S::Option totp =
        S::optional(QStringLiteral("totp"), QStringLiteral("CODE"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the --as account's verification code"));
    const S::Option reason = S::optional(
        QStringLiteral("reason"), QStringLiteral("TEXT"),
        QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the reason (required to reject or ask for more)"));
    return {
        S(QStringLiteral("access"), QStringLiteral("request"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "send an access request to the site server"),
          {S::workspace(), as, totp,
           S::required(QStringLiteral("project"), QStringLiteral("ID"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the research project")),
           S::required(QStringLiteral("level"), QStringLiteral("1-5"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the classification ceiling")),
           S::optional(QStringLiteral("category"), QStringLiteral("IDS"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "data categories, comma-separated (default: all)")),
           S::optional(
               QStringLiteral("patients"), QStringLiteral("PSEUDONYMS"),
               QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "patients by pseudonym, comma-separated")),
           S::optional(QStringLiteral("cohort"), QStringLiteral("TEXT"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "cohort criteria in words")),
           S::flag(QStringLiteral("counts-only"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "counts, no rows")),
           S::flag(QStringLiteral("export"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "a de-identified export")),
           S::optional(QStringLiteral("days"), QStringLiteral("N"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "duration in days (default 90)")),
           S::required(QStringLiteral("purpose"), QStringLiteral("TEXT"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the detailed academic-use statement")),
           S::required(QStringLiteral("accept-agreement"), QStringLiteral("VERSION"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the data-sharing agreement accepted")),
           json}),
        S(QStringLiteral("access"), QStringLiteral("agreement"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "print the data-sharing agreement a request accepts"),
          {}),
        S(QStringLiteral("access"), QStringLiteral("list"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "the account's requests, the ethics inbox or the approvals"),
          {S::workspace(), as, totp,
           S::optional(QStringLiteral("view"), QStringLiteral("mine|ethics|approvals"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "which list (default: mine)")),
           json}),
        S(QStringLiteral("access"), QStringLiteral("review"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the ethics review of a request"),
          {S::workspace(), as, totp,
           S::flag(QStringLiteral("pass"), QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "pass it")),
           S::flag(QStringLiteral("reject"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "reject it (ends it)")),
           S::flag(QStringLiteral("more-information"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "send it back to the requester")),
           reason, json},
          QStringLiteral("NUMBER")),
        S(QStringLiteral("access"), QStringLiteral("approve"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "approve a request at its current step"),
          {S::workspace(), as, totp, reason, json}, QStringLiteral("NUMBER")),
        S(QStringLiteral("access"), QStringLiteral("reject"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "reject a request at its current step"),
          {S::workspace(), as, totp, reason, json}, QStringLiteral("NUMBER")),
        S(QStringLiteral("access"), QStringLiteral("revoke"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "revoke a grant, or every grant naming a patient whose consent was withdrawn"),
          {S::workspace(), as, totp, reason,
           S::optional(QStringLiteral("consent-withdrawn"), QStringLiteral("PSEUDONYM"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the patient who withdrew consent"))},
          QStringLiteral("GRANT")),
        S(QStringLiteral("access"), QStringLiteral("grants"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the account's grants in force on this workstation"),
          {S::workspace(), as, totp, json}),
    };
}

int runAccessCommand(const AccessCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    if (verb == QStringLiteral("request"))
        return cmdRequest(args, out, err);
    if (verb == QStringLiteral("agreement")) {
        out << workspace::AccessDesk::agreementText() << "\n";
        return 0;
    }
    if (verb == QStringLiteral("list"))
        return cmdList(args, out, err);
    if (verb == QStringLiteral("review") || verb == QStringLiteral("approve") ||
        verb == QStringLiteral("reject"))
        return cmdDecide(args, out, err);
    if (verb == QStringLiteral("revoke"))
        return cmdRevoke(args, out, err);
    if (verb == QStringLiteral("grants"))
        return cmdGrants(args, out, err);
    return usage(
        err, args,
        QStringLiteral("access needs request, agreement, list, review, approve, reject, revoke or grants"));
}

} // namespace mdp::cli
