#include "PolicyCommands.h"

#include "ActingUser.h"

#include "mdp/policy/PolicySet.h"
#include "mdp/workspace/DataPolicies.h"
#include "mdp/workspace/Workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::cli {

namespace {

constexpr qint64 kMaxPolicyFile = 4 * 1024 * 1024;

int usage(QTextStream &err, const PolicyCommandArgs &args, const QString &problem)
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

QJsonObject recordJson(const workspace::PolicyRecord &r)
{
    QJsonObject o{{QStringLiteral("version"), r.version},
                  {QStringLiteral("issued"), r.issued.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("issuer"), r.issuer},
                  {QStringLiteral("builtIn"), r.builtIn}};
    if (!r.builtIn) {
        o.insert(QStringLiteral("installedAt"), r.installedAt.toUTC().toString(Qt::ISODate));
        o.insert(QStringLiteral("installedBy"), r.installedBy);
        o.insert(QStringLiteral("key"), r.keyId);
        if (!r.note.isEmpty())
            o.insert(QStringLiteral("note"), r.note);
    }
    return o;
}

void printRecord(QTextStream &out, const workspace::PolicyRecord &r)
{
    out << "policy version " << r.version << (r.builtIn ? " (built-in default)" : "") << "\n"
        << "  issued     " << r.issued.toUTC().toString(Qt::ISODate) << " by " << r.issuer << "\n";
    if (!r.builtIn) {
        out << "  installed  " << r.installedAt.toUTC().toString(Qt::ISODate) << " by account "
            << r.installedBy << "\n"
            << "  signed by  workspace key " << r.keyId << "\n";
        if (!r.note.isEmpty())
            out << "  note       " << r.note << "\n";
    }
}

int cmdShow(const PolicyCommandArgs &args, QTextStream &out, QTextStream &err)
{
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    const workspace::PolicyRecord r = ws.value()->policies().inForce();
    if (args.has(QStringLiteral("document"))) {
        out << QString::fromUtf8(r.document);
        if (!r.document.endsWith('\n'))
            out << "\n";
        return 0;
    }
    if (args.has(QStringLiteral("json"))) {
        out << QString::fromUtf8(QJsonDocument(recordJson(r)).toJson(QJsonDocument::Compact)) << "\n";
        return 0;
    }
    printRecord(out, r);
    if (auto parsed = policy::PolicySet::parse(r.document)) {
        out << "  roles      " << parsed->roles().size() << ", deny rules " << parsed->denyRules().size()
            << ", decided classifications " << parsed->fieldClassifications().size() << ", minimum cell size "
            << parsed->minCellSize() << "\n";
    }
    return 0;
}

int cmdHistory(const PolicyCommandArgs &args, QTextStream &out, QTextStream &err)
{
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    if (auto actor = ActingUser::actor(*ws.value(), args); !actor)
        return fail(err, actor.error());
    auto all = ws.value()->policies().history();
    if (!all)
        return fail(err, all.error());
    const int inForce = ws.value()->policies().inForce().version;
    for (const workspace::PolicyRecord &r : all.value()) {
        if (args.has(QStringLiteral("json"))) {
            QJsonObject o = recordJson(r);
            o.insert(QStringLiteral("inForce"), r.version == inForce);
            out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << "\n";
        } else {
            out << (r.version == inForce ? "* " : "  ");
            printRecord(out, r);
        }
    }
    return 0;
}

int cmdInstall(const PolicyCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString file = args.words.value(2);
    if (file.isEmpty())
        return usage(err, args, QStringLiteral("policy install needs FILE"));
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return fail(err, makeError(Error::Code::Io, QStringLiteral("cannot read %1").arg(file)));
    if (f.size() > kMaxPolicyFile)
        return fail(err, makeError(Error::Code::InvalidArgument,
                                   QStringLiteral("%1 is larger than a policy can be (4 MiB)").arg(file)));
    const QByteArray json = f.readAll();
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    if (auto actor = ActingUser::actor(*ws.value(), args); !actor)
        return fail(err, actor.error());
    const int before = ws.value()->policies().inForce().version;
    auto installed = ws.value()->policies().install(json, args.value(QStringLiteral("note")));
    if (!installed) {
        err << "mdp: the policy was not installed: " << installed.error().message << " ("
            << Error::codeName(installed.error().code) << "); version " << before << " stays in force\n";
        err.flush();
        return 1;
    }
    out << "policy version " << installed->version << " is in force (was " << before
        << "), signed by workspace key " << installed->keyId << "\n";
    return 0;
}

} // namespace

QList<CommandSyntax> policySyntax()
{
    using S = CommandSyntax;
    const S::Option json =
        S::flag(QStringLiteral("json"), QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "JSON output"));
    const S::Option as = S::optional(QStringLiteral("as"), QStringLiteral("USER"),
                                     QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                                       "act as this account, which signs in (default: the "
                                                       "workspace custodian)"));
    const S::Option totp =
        S::optional(QStringLiteral("totp"), QStringLiteral("CODE"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the --as account's verification code"));
    return {
        S(QStringLiteral("policy"), QStringLiteral("show"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the access policy in force"),
          {S::workspace(), json,
           S::flag(QStringLiteral("document"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "print the policy document itself"))}),
        S(QStringLiteral("policy"), QStringLiteral("history"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "every policy version kept in the workspace"),
          {S::workspace(), as, totp, json}),
        S(QStringLiteral("policy"), QStringLiteral("install"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "put a policy in force: a document (signed here) or an envelope signed with this "
                            "workspace's key; one that does not parse, verify or is not newer is refused"),
          {S::workspace(), as, totp,
           S::optional(QStringLiteral("note"), QStringLiteral("TEXT"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "why, kept with the version"))},
          QStringLiteral("FILE")),
    };
}

int runPolicyCommand(const PolicyCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    if (verb == QStringLiteral("show"))
        return cmdShow(args, out, err);
    if (verb == QStringLiteral("history"))
        return cmdHistory(args, out, err);
    if (verb == QStringLiteral("install"))
        return cmdInstall(args, out, err);
    return usage(err, args, QStringLiteral("policy needs show, history or install"));
}

} // namespace mdp::cli
