#include "mdp/cli/Cli.h"

#include "ActingUser.h"
#include "CohortCommands.h"
#include "CommandSyntax.h"
#include "FormCommands.h"
#include "PatientCommands.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Role.h"
#include "mdp/audit/AuditBenchmarks.h"
#include "mdp/audit/AuditEvent.h"
#include "mdp/cli/SecretPrompt.h"
#include "mdp/crypto/CryptoBenchmarks.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/Signature.h"
#include "mdp/forms/FormStoreBenchmarks.h"
#include "mdp/forms/FormsBenchmarks.h"
#include "mdp/search/SearchBenchmarks.h"
#include "mdp/store/StoreBenchmarks.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/Sm2CheckpointSigner.h"
#include "mdp/workspace/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

namespace mdp::cli {
namespace {

QHash<QString, QList<BenchProvider>> &benchProviders()
{
    static QHash<QString, QList<BenchProvider>> providers;
    return providers;
}

using Args = ParsedCommand;

int usage(QTextStream &err, const Args &args, const QString &problem)
{
    err << "mdp: " << problem << "\n"
        << "usage: " << args.usage << "\n";
    err.flush();
    return 2;
}

QString roleIds()
{
    QStringList ids;
    for (const accounts::Role role : accounts::allRoles())
        ids << accounts::roleId(role);
    return ids.join(QStringLiteral(", "));
}

int fail(QTextStream &err, const Error &error)
{
    err << "mdp: " << error.message << " (" << Error::codeName(error.code) << ")\n";
    err.flush();
    return 1;
}

// The secret that unlocks the workspace named by --workspace: its passphrase or its token's PIN.
Result<SecureBytes> workspaceSecret(const Args &args)
{
    const QString dir = args.value(QStringLiteral("workspace"));
    if (dir.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("--workspace DIR is required"));
    if (!workspace::Workspace::exists(dir))
        return makeError(Error::Code::NotFound, QStringLiteral("no workspace at %1").arg(dir));
    auto kind = workspace::Workspace::rootKind(dir);
    if (!kind)
        return kind.error();
    return kind.value() == QStringLiteral("pkcs11")
               ? readSecret("MDP_TOKEN_PIN", QStringLiteral("Token PIN: "))
               : readSecret("MDP_PASSPHRASE", QStringLiteral("Workspace passphrase: "));
}

Result<std::unique_ptr<workspace::Workspace>> openWorkspace(const Args &args, const Clock &clock)
{
    auto passphrase = workspaceSecret(args);
    if (!passphrase)
        return passphrase.error();
    const QString dir = args.value(QStringLiteral("workspace"));
    auto ws = workspace::Workspace::open(dir, passphrase.value(), clock);
    if (ws)
        ws.value()->beginCustodianSession(); // the command line acts on the passphrase's authority
    return ws;
}

int cmdInit(const Args &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    workspace::CreateOptions options;
    options.directory = args.value(QStringLiteral("workspace"));
    if (options.directory.isEmpty())
        return usage(err, args, QStringLiteral("--workspace DIR is required"));
    const QString cipher = args.value(QStringLiteral("cipher")).isEmpty()
                               ? QStringLiteral("sm4")
                               : args.value(QStringLiteral("cipher"));
    if (cipher == QStringLiteral("sm4")) {
        options.pageCipher = QStringLiteral("sm4-cbc");
        options.blobCipher = QStringLiteral("sm4-gcm");
    } else if (cipher == QStringLiteral("aes")) {
        options.pageCipher = QStringLiteral("aes-256-cbc");
        options.blobCipher = QStringLiteral("aes-256-gcm");
    } else {
        return usage(err, args, QStringLiteral("--cipher must be sm4 or aes"));
    }
    if (args.has(QStringLiteral("pkcs11-token"))) {
        workspace::TokenRoot token;
        token.tokenLabel = args.value(QStringLiteral("pkcs11-token"));
        if (args.has(QStringLiteral("pkcs11-module")))
            token.modulePath = args.value(QStringLiteral("pkcs11-module"));
        options.token = token;
    }
    auto passphrase = options.token
                          ? readSecret("MDP_TOKEN_PIN", QStringLiteral("Token PIN: "))
                          : readSecret("MDP_PASSPHRASE", QStringLiteral("New workspace passphrase: "), true);
    if (!passphrase)
        return fail(err, passphrase.error());
    options.passphrase = std::move(passphrase.value());
    auto ws = workspace::Workspace::create(options, clock);
    if (!ws)
        return fail(err, ws.error());
    const auto info = ws.value()->info();
    out << "workspace created at " << info.directory << " (database " << info.pageCipher << ", vault "
        << info.blobCipher << ", root key " << info.rootKeyKind << ")\n";
    return 0;
}

int cmdUser(const Args &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    if (verb != QStringLiteral("add") && verb != QStringLiteral("list") && verb != QStringLiteral("lock") &&
        verb != QStringLiteral("unlock"))
        return usage(err, args, QStringLiteral("user needs add, list, lock or unlock"));
    const QString name = args.value(QStringLiteral("name"));
    if (verb != QStringLiteral("list") && name.isEmpty())
        return usage(err, args, QStringLiteral("--name NAME is required"));
    std::optional<accounts::Role> role;
    if (verb == QStringLiteral("add")) {
        role = accounts::roleFromId(args.value(QStringLiteral("role")));
        if (!role)
            return usage(err, args, QStringLiteral("--role must be one of: %1").arg(roleIds()));
    }
    auto ws = openWorkspace(args, clock);
    if (!ws)
        return fail(err, ws.error());
    auto &dir = ws.value()->accounts();
    const QUuid actor = ws.value()->custodianId();

    if (verb == QStringLiteral("add")) {
        auto password = readSecret("MDP_USER_PASSWORD", QStringLiteral("Password for %1: ").arg(name), true);
        if (!password)
            return fail(err, password.error());
        const QString display =
            args.value(QStringLiteral("display")).isEmpty() ? name : args.value(QStringLiteral("display"));
        auto account =
            dir.createAccount(actor, name, display, *role, QString::fromUtf8(password.value().view()));
        if (!account)
            return fail(err, account.error());
        out << "account " << account->userName << " (" << accounts::roleId(*role) << ") created";
        if (accounts::requiresSecondFactor(*role))
            out << "; this role must enrol a TOTP authenticator at first sign-in";
        out << "\n";
        return 0;
    }
    if (verb == QStringLiteral("lock") || verb == QStringLiteral("unlock")) {
        auto r = verb == QStringLiteral("lock") ? dir.lock(actor, name) : dir.unlock(actor, name);
        if (!r)
            return fail(err, r.error());
        out << "account " << r->userName << (verb == QStringLiteral("lock") ? " locked\n" : " unlocked\n");
        return 0;
    }
    auto list = dir.list();
    if (!list)
        return fail(err, list.error());
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("NAME"), -20)
               .arg(QStringLiteral("ROLES"), -28)
               .arg(QStringLiteral("STATE"), -10)
               .arg(QStringLiteral("TOTP"));
    const QDateTime now = ws.value()->clock().now();
    for (const auto &a : list.value()) {
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(a.userName, -20)
                   .arg(accounts::roleIdList(a.roles), -28)
                   .arg(a.isLockedAt(now) ? QStringLiteral("locked") : QStringLiteral("active"), -10)
                   .arg(a.totpEnrolled ? QStringLiteral("yes") : QStringLiteral("no"));
    }
    return 0;
}

QJsonObject eventRow(const audit::AuditEvent &e, qint64 seq)
{
    QJsonObject o = e.toJsonObject();
    o.insert(QStringLiteral("seq"), seq);
    return o;
}

int cmdAudit(const Args &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    if (verb == QStringLiteral("verify")) {
        // Read-only: the workspace is not opened (opening cuts torn tails, catches the audit index up
        // and records events); a damaged workspace is examined as it is.
        auto secret = workspaceSecret(args);
        if (!secret)
            return fail(err, secret.error());
        auto checked = workspace::Workspace::verifyOffline(args.value(QStringLiteral("workspace")),
                                                           secret.value(), clock);
        if (!checked) {
            const auto code = checked.error().code;
            const bool integrity = code == Error::Code::Tampered || code == Error::Code::RolledBack ||
                                   code == Error::Code::Corrupt;
            if (integrity) {
                err << "mdp: integrity check FAILED: " << checked.error().message << "\n";
                err.flush();
                return 3;
            }
            return fail(err, checked.error());
        }
        const workspace::IntegrityReport &report = checked.value();
        if (!report.ok) {
            err << "mdp: integrity check FAILED: " << report.problem << "\n";
            err.flush();
            return 3;
        }
        out << "intact: database integrity ok, " << report.auditEvents
            << " audit events, hash chain, Merkle root and signed checkpoint verified\n";
        return 0;
    }
    if (verb != QStringLiteral("query"))
        return usage(err, args, QStringLiteral("audit needs verify or query"));
    const bool byUser = args.has(QStringLiteral("user"));
    const bool byData = args.has(QStringLiteral("data"));
    if (byUser == byData)
        return usage(err, args, QStringLiteral("give either --user NAME --from T --to T, or --data ID"));
    QDateTime from, to;
    if (byUser) {
        from = QDateTime::fromString(args.value(QStringLiteral("from")), Qt::ISODate);
        to = QDateTime::fromString(args.value(QStringLiteral("to")), Qt::ISODate);
        if (!from.isValid() || !to.isValid())
            return usage(err, args,
                         QStringLiteral("--from and --to take ISO 8601 times, e.g. 2026-01-01T00:00:00Z"));
    }
    auto ws = openWorkspace(args, clock);
    if (!ws)
        return fail(err, ws.error());
    workspace::AuditQueries queries(*ws.value());
    auto rows = byUser ? queries.byUserName(args.value(QStringLiteral("user")), from.toUTC(), to.toUTC())
                       : queries.byDataId(args.value(QStringLiteral("data")));
    if (!rows)
        return fail(err, rows.error());
    const bool json = args.has(QStringLiteral("json"));
    for (const auto &row : rows.value()) {
        if (json) {
            out << QJsonDocument(eventRow(row.event, row.sequence)).toJson(QJsonDocument::Compact) << "\n";
        } else {
            QStringList ids;
            for (const auto &e : row.event.entities)
                ids << e.type + QLatin1Char(':') + e.id;
            out << row.sequence << "  " << audit::AuditEvent::formatTime(row.event.recorded) << "  "
                << row.event.type << "  " << (row.userName.isEmpty() ? row.event.agent.userId : row.userName)
                << "  " << audit::outcomeName(row.event.outcome) << "  " << ids.join(QLatin1Char(','))
                << "\n";
        }
    }
    if (!json)
        out << rows->size() << " event(s)\n";
    return 0;
}

int cmdKey(const Args &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    if (verb != QStringLiteral("rotate") && verb != QStringLiteral("list"))
        return usage(err, args, QStringLiteral("key needs rotate or list"));
    auto ws = openWorkspace(args, clock);
    if (!ws)
        return fail(err, ws.error());
    auto &keys = ws.value()->keys();
    if (verb == QStringLiteral("list")) {
        for (const auto &k : keys.keys()) {
            if (k.state == crypto::KeyState::Destroyed)
                continue;
            out << QStringLiteral("%1 %2 v%3 %4 %5\n")
                       .arg(k.name, -28)
                       .arg(k.purpose, -10)
                       .arg(k.version)
                       .arg(crypto::keyStateName(k.state), -9)
                       .arg(k.algorithm);
        }
        return 0;
    }
    QStringList purposes;
    if (args.has(QStringLiteral("purpose"))) {
        purposes << args.value(QStringLiteral("purpose"));
    } else {
        for (const auto &k : keys.keys())
            if (k.kind == crypto::KeyInfo::Kind::KeyEncryptionKey && k.state == crypto::KeyState::Active &&
                !purposes.contains(k.purpose))
                purposes << k.purpose;
    }
    for (const QString &p : std::as_const(purposes)) {
        auto r = keys.rotateKek(p);
        if (!r)
            return fail(err, r.error());
        out << "rotated key-encryption key for " << p << "\n";
    }
    return 0;
}

// The areas built in and those the program registered providers for.
QStringList benchAreas()
{
    QStringList areas{QStringLiteral("crypto"), QStringLiteral("store"),    QStringLiteral("vault"),
                      QStringLiteral("audit"),  QStringLiteral("registry"), QStringLiteral("forms")};
    for (const QString &area : benchProviders().keys()) {
        if (!areas.contains(area))
            areas << area;
    }
    return areas;
}

int cmdBench(const Args &args, QTextStream &out, QTextStream &err)
{
    const QString area = args.words.value(1);
    const bool json = args.has(QStringLiteral("json"));
    bool sizeOk = false;
    int size = args.value(QStringLiteral("size")).toInt(&sizeOk);
    if (!sizeOk)
        size = 0;
    QTemporaryDir scratch; // benchmarks write synthetic data only
    if (!scratch.isValid())
        return fail(err, makeError(Error::Code::Io, QStringLiteral("cannot create a scratch directory")));
    QList<BenchLine> lines;
    if (area == QStringLiteral("crypto"))
        lines = crypto::runCryptoBenchmarks(size > 0 ? size : 64);
    else if (area == QStringLiteral("store"))
        lines = store::runStoreBenchmarks(scratch.path(), size > 0 ? size : 100000);
    else if (area == QStringLiteral("registry")) {
        // The import rate needs a synthetic cohort, which a disease pack's generator makes: the program
        // registers that case as a provider.
        lines = search::runSearchBenchmarks(scratch.path(), size > 0 ? size : 1000000);
    } else if (area == QStringLiteral("vault"))
        lines = store::runVaultBenchmarks(scratch.path(), size > 0 ? size : 64);
    else if (area == QStringLiteral("audit")) {
        // Checkpoints signed with SM2 as in the product, not with a stand-in.
        auto key = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        if (!key)
            return fail(err, key.error());
        lines = audit::runAuditBenchmarks(scratch.path(), size > 0 ? size : 20000,
                                          std::make_shared<workspace::Sm2CheckpointSigner>(key.value()));
        // Opening a long history: 10 million events unless MDP_BENCH_AUDIT_EVENTS says otherwise;
        // MDP_BENCH_AUDIT_KEEP=DIR keeps the generated log for the next run.
        const qint64 openEvents = qEnvironmentVariableIsSet("MDP_BENCH_AUDIT_EVENTS")
                                      ? qEnvironmentVariable("MDP_BENCH_AUDIT_EVENTS").toLongLong()
                                      : 10000000;
        lines += audit::runAuditOpenBenchmarks(scratch.path(), openEvents,
                                               qEnvironmentVariable("MDP_BENCH_AUDIT_KEEP"));
    } else if (area == QStringLiteral("forms")) {
        lines = forms::runValidationBenchmarks();
        lines += forms::runFormStoreBenchmarks(scratch.path(), size > 0 ? size : 50);
    } else if (!benchProviders().contains(area))
        return usage(err, args,
                     QStringLiteral("bench needs one of: %1").arg(benchAreas().join(QStringLiteral(", "))));
    for (const auto &provider : benchProviders().value(area))
        lines += provider(scratch.path(), size);
    for (const auto &line : std::as_const(lines)) {
        if (json) {
            out << line.toJsonLine() << "\n";
        } else {
            out << QStringLiteral("%1/%2: %3 %4 (baseline %5: %6, ratio %7)\n")
                       .arg(line.bench, line.caseName)
                       .arg(line.value, 0, 'f', 1)
                       .arg(line.unit, line.baseline)
                       .arg(line.baselineValue, 0, 'f', 1)
                       .arg(line.ratio(), 0, 'f', 2);
        }
        out.flush();
    }
    return 0;
}

} // namespace

void registerBenchProvider(const QString &area, BenchProvider provider)
{
    benchProviders()[area] << std::move(provider);
}

namespace {

QList<CommandSyntax> ownSyntax()
{
    using S = CommandSyntax;
    const QString user = QStringLiteral("user");
    const S::Option name =
        S::required(QStringLiteral("name"), QStringLiteral("NAME"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the account's user name"));
    QList<CommandSyntax> syntax{
        S(QStringLiteral("init"), QString(),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "create a workspace (passphrase: MDP_PASSPHRASE or a prompt; token PIN: "
                            "MDP_TOKEN_PIN or a prompt)"),
          {S::workspace(),
           S::optional(
               QStringLiteral("cipher"), QStringLiteral("sm4|aes"),
               QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "database and vault cipher (default sm4)")),
           S::optional(
               QStringLiteral("pkcs11-token"), QStringLiteral("LABEL"),
               QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "keep the root key in this PKCS#11 token")),
           S::optional(QStringLiteral("pkcs11-module"), QStringLiteral("SO"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the token's PKCS#11 library"))}),
        S(user, QStringLiteral("add"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "add an account (password: MDP_USER_PASSWORD or a prompt); roles: clinician "
                            "reviewer researcher ethics-reviewer data-manager auditor system-admin"),
          {S::workspace(), name,
           S::required(QStringLiteral("role"), QStringLiteral("ROLE"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the account's role")),
           S::optional(
               QStringLiteral("display"), QStringLiteral("NAME"),
               QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the name shown (default: the user name)"))}),
        S(user, QStringLiteral("list"), QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "list accounts"),
          {S::workspace()}),
        S(user, QStringLiteral("lock"), QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "lock an account"),
          {S::workspace(), name}),
        S(user, QStringLiteral("unlock"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "unlock an account and clear its lock-out"),
          {S::workspace(), name}),
        S(QStringLiteral("audit"), QStringLiteral("verify"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "verify database, audit chain and checkpoints (exit 3 when not intact)"),
          {S::workspace()}),
        S(QStringLiteral("audit"), QStringLiteral("query"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "what one account did in a time range, or everything done to one datum"),
          {S::workspace(),
           S::optional(QStringLiteral("user"), QStringLiteral("NAME"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the account (with --from and --to)")),
           S::optional(
               QStringLiteral("from"), QStringLiteral("T"),
               QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "ISO 8601 time, e.g. 2026-01-01T00:00:00Z")),
           S::optional(QStringLiteral("to"), QStringLiteral("T"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "ISO 8601 time")),
           S::optional(
               QStringLiteral("data"), QStringLiteral("ID"),
               QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the datum, type:id (e.g. patient:P-...)")),
           S::flag(QStringLiteral("json"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "one JSON object per line"))}),
        S(QStringLiteral("key"), QStringLiteral("rotate"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "new key-encryption key, data keys re-wrapped"),
          {S::workspace(),
           S::optional(QStringLiteral("purpose"), QStringLiteral("P"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "only this purpose (default: all)"))}),
        S(QStringLiteral("key"), QStringLiteral("list"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "key inventory (no key material)"), {S::workspace()}),
    };
    for (const QString &area : benchAreas()) {
        syntax << S(QStringLiteral("bench"), area,
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                      "benchmarks against a baseline measured in the same run"),
                    {S::flag(QStringLiteral("json"),
                             QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "one JSON object per line")),
                     S::optional(QStringLiteral("size"), QStringLiteral("N"),
                                 QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "problem size"))});
    }
    return syntax;
}

const QList<CommandSyntax> &allSyntax()
{
    static const QList<CommandSyntax> syntax = ownSyntax() + patientSyntax() + formSyntax() + cohortSyntax();
    return syntax;
}

QList<const CommandSyntax *> syntaxOf(const QString &command)
{
    QList<const CommandSyntax *> found;
    for (const CommandSyntax &s : allSyntax()) {
        if (s.command() == command)
            found << &s;
    }
    return found;
}

bool isHelp(const QString &word)
{
    return word == QStringLiteral("--help") || word == QStringLiteral("-h") || word == QStringLiteral("help");
}

// One usage line per verb of each command, then how to get more.
QString overview(const QList<const CommandSyntax *> &syntax)
{
    QString text;
    for (const CommandSyntax *s : syntax)
        text += QStringLiteral("  ") + s->usageLine() + QLatin1Char('\n');
    return text;
}

QString globalHelp()
{
    QList<const CommandSyntax *> every;
    for (const CommandSyntax &s : allSyntax())
        every << &s;
    return QCoreApplication::translate("mdp::cli::Cli", "usage: mdp <command> [<verb>] [options]") +
           QLatin1Char('\n') + overview(every) +
           QCoreApplication::translate(
               "mdp::cli::Cli",
               "'mdp <command> --help' and 'mdp <command> <verb> --help' describe every option.") +
           QLatin1Char('\n');
}

int usageError(QTextStream &err, const QString &problem, const QString &help)
{
    err << "mdp: " << problem << "\n" << help;
    err.flush();
    return 2;
}

int run(const Args &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    const QString command = args.words.value(0);
    const auto opener = [&args, &clock] { return openWorkspace(args, clock); };
    if (command == QStringLiteral("init"))
        return cmdInit(args, clock, out, err);
    if (command == QStringLiteral("user"))
        return cmdUser(args, clock, out, err);
    if (command == QStringLiteral("audit"))
        return cmdAudit(args, clock, out, err);
    if (command == QStringLiteral("key"))
        return cmdKey(args, clock, out, err);
    if (command == QStringLiteral("patient"))
        return runPatientCommand({args, opener}, out, err);
    if (command == QStringLiteral("form") || command == QStringLiteral("record") ||
        command == QStringLiteral("reviewer"))
        return runFormCommand({args, opener}, out, err);
    if (command == QStringLiteral("demo-data"))
        return runCohortCommand({args, opener}, out, err);
    return cmdBench(args, out, err);
}

int dispatch(const QStringList &arguments, const Clock &clock, QTextStream &out, QTextStream &err)
{
    const QString command = arguments.value(0);
    if (command.isEmpty())
        return usageError(err, QCoreApplication::translate("mdp::cli::Cli", "no command given"),
                          globalHelp());
    if (isHelp(command)) {
        out << globalHelp();
        return 0;
    }
    const QList<const CommandSyntax *> syntax = syntaxOf(command);
    if (syntax.isEmpty())
        return usageError(err,
                          QCoreApplication::translate("mdp::cli::Cli", "unknown command '%1'").arg(command),
                          globalHelp());

    const CommandSyntax *chosen = syntax.constFirst();
    qsizetype consumed = 1;
    if (!chosen->verb().isEmpty()) {
        QStringList verbs;
        for (const CommandSyntax *s : syntax)
            verbs << s->verb();
        const QString commandHelp =
            overview(syntax) +
            QCoreApplication::translate("mdp::cli::Cli", "'mdp %1 <verb> --help' describes every option.")
                .arg(command) +
            QLatin1Char('\n');
        const QString verb = arguments.value(1);
        if (isHelp(verb)) {
            out << commandHelp;
            return 0;
        }
        if (verb.isEmpty() || verb.startsWith(QLatin1Char('-')))
            return usageError(err,
                              QCoreApplication::translate("mdp::cli::Cli", "%1 needs one of: %2")
                                  .arg(command, verbs.join(QStringLiteral(", "))),
                              commandHelp);
        const qsizetype at = verbs.indexOf(verb);
        if (at < 0)
            return usageError(
                err,
                QCoreApplication::translate("mdp::cli::Cli", "unknown verb '%1' for %2 (one of: %3)")
                    .arg(verb, command, verbs.join(QStringLiteral(", "))),
                commandHelp);
        chosen = syntax.at(at);
        consumed = 2;
    }
    auto parsed = chosen->parse(arguments.mid(consumed));
    if (!parsed) {
        const QString invocation = QStringLiteral("mdp ") + arguments.mid(0, consumed).join(QLatin1Char(' '));
        return usageError(
            err, parsed.error().message,
            QCoreApplication::translate("mdp::cli::Cli", "usage: %1").arg(chosen->usageLine()) +
                QLatin1Char('\n') +
                QCoreApplication::translate("mdp::cli::Cli", "'%1 --help' describes every option.")
                    .arg(invocation) +
                QLatin1Char('\n'));
    }
    if (parsed->has(QStringLiteral("help"))) {
        out << chosen->helpText();
        return 0;
    }
    parsed->words = arguments.mid(0, consumed) + parsed->words;
    return run(parsed.value(), clock, out, err);
}

} // namespace

int runCli(const QStringList &arguments, QTextStream &out, QTextStream &err, const Clock &clock)
{
    const int rc = dispatch(arguments, clock, out, err);
    out.flush();
    err.flush();
    return rc;
}

} // namespace mdp::cli
