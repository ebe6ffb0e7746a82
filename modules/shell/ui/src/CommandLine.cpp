#include "mdp/shell/CommandLine.h"

#include "mdp/accounts/Role.h"

#include <QCommandLineParser>

#include <cstdio>
#include <cstdlib>

namespace mdp::shell {

namespace {
[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "mdp-workstation: %s\n", qUtf8Printable(message));
    std::exit(1);
}
} // namespace

QString CommandLine::scanLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if ((arg == u"--lang" || arg == u"-lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(u"--lang="))
            return arg.mid(7);
    }
    return {};
}

CommandLine CommandLine::parse(const QCoreApplication &app, const QStringList &pageIds)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("MDP clinical research workstation (JH/CAA 008-2025)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        tr("Start on a throw-away demo workspace with one account per role, signed in."));
    const QCommandLineOption demoRole(
        QStringLiteral("demo-role"),
        tr("Role to sign in as in demo mode (default: clinician). One of: %1.")
            .arg(accounts::roleIdList(accounts::allRoles()).replace(u',', QStringLiteral(", "))),
        QStringLiteral("role"));
    const QCommandLineOption workspace(QStringLiteral("workspace"), tr("Workspace folder to open or create."),
                                       QStringLiteral("folder"));
    const QCommandLineOption language(QStringLiteral("lang"), tr("Interface language: zh_CN or en."),
                                      QStringLiteral("language"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"), tr("Save the first window as a PNG image once it is shown, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption page(
        QStringLiteral("page"),
        tr("Page to show first: overview, patients, reviews, forms, audit-log, accounts, keys or "
           "my-account."),
        QStringLiteral("page"));
    const QCommandLineOption audit(
        QStringLiteral("audit"),
        tr("Open an auditor's bundle offline and read-only (no workspace is opened); with --audit-key and "
           "optionally --site-key."),
        QStringLiteral("bundle"));
    const QCommandLineOption auditKey(
        QStringLiteral("audit-key"),
        tr("The auditor's key file the bundle is sealed for (asked when not given)."),
        QStringLiteral("file"));
    const QCommandLineOption siteKey(
        QStringLiteral("site-key"),
        tr("The site server's witness key (PEM) the bundle's witness must be signed with."),
        QStringLiteral("file"));
    parser.addOptions({demo, demoRole, workspace, language, screenshot, page, audit, auditKey, siteKey});
    parser.process(app);

    CommandLine options;
    options.demo = parser.isSet(demo);
    if (parser.isSet(demoRole)) {
        options.demoRole = parser.value(demoRole);
        if (!accounts::roleFromId(options.demoRole))
            fail(tr("unknown role \"%1\"").arg(options.demoRole));
    }
    options.workspace = parser.value(workspace);
    if (parser.isSet(language)) {
        options.language = parser.value(language);
        if (options.language != u"zh_CN" && options.language != u"en")
            fail(tr("unknown language \"%1\" (use zh_CN or en)").arg(options.language));
    }
    options.screenshot = parser.value(screenshot);
    options.auditBundle = parser.value(audit);
    options.auditKey = parser.value(auditKey);
    options.siteKey = parser.value(siteKey);
    if (!options.auditBundle.isEmpty() && (options.demo || !options.workspace.isEmpty()))
        fail(tr("--audit opens a bundle without a workspace: not with --demo or --workspace"));
    if (parser.isSet(page)) {
        const QString name = parser.value(page);
        if (!pageIds.contains(name))
            fail(tr("unknown page \"%1\" (known: %2)").arg(name, pageIds.join(QStringLiteral(", "))));
        options.page = name;
    }
    if (!parser.positionalArguments().isEmpty())
        fail(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    return options;
}

bool CommandLine::wantsHelpOrVersion(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" || argument == "-v" ||
            argument == "--version" || argument == "-?")
            return true;
    }
    return false;
}

} // namespace mdp::shell
