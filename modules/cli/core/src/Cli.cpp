#include "mdp/cli/Cli.h"

#include "CohortCommands.h"
#include "FormCommands.h"
#include "PatientCommands.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Role.h"
#include "mdp/audit/AuditBenchmarks.h"
#include "mdp/audit/AuditEvent.h"
#include "mdp/cli/SecretPrompt.h"
#include "mdp/cohort/CohortBenchmarks.h"
#include "mdp/cohort/DocumentRenderer.h"
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

std::unique_ptr<cohort::DocumentRenderer> &documentRenderer()
{
    static std::unique_ptr<cohort::DocumentRenderer> renderer;
    return renderer;
}

// `--name value` pairs and bare `--flag`s after the subcommand words.
struct Args
{
    QStringList words;
    QHash<QString, QString> options;
    QStringList flags;

    static Args parse(const QStringList &arguments)
    {
        Args a;
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            const QString &s = arguments.at(i);
            if (s.startsWith(QStringLiteral("--"))) {
                const QString key = s.mid(2);
                const qsizetype eq = key.indexOf(QLatin1Char('='));
                if (eq > 0)
                    a.options.insert(key.left(eq), key.mid(eq + 1));
                else if (i + 1 < arguments.size() && !arguments.at(i + 1).startsWith(QStringLiteral("--")))
                    a.options.insert(key, arguments.at(++i));
                else
                    a.flags << key;
            } else {
                a.words << s;
            }
        }
        return a;
    }
    QString value(const QString &key) const { return options.value(key); }
    bool has(const QString &key) const { return options.contains(key) || flags.contains(key); }
};

const char *kUsage =
    "usage: mdp <command> [options]\n"
    "  init --workspace DIR [--cipher sm4|aes]         create a workspace (passphrase: MDP_PASSPHRASE or "
    "prompt)\n"
    "       [--pkcs11-token LABEL [--pkcs11-module SO]] root key in a PKCS#11 token (PIN: MDP_TOKEN_PIN or "
    "prompt)\n"
    "  user add --workspace DIR --name NAME --role ROLE [--display NAME]\n"
    "                                                  add an account (password: MDP_USER_PASSWORD or "
    "prompt)\n"
    "  user list --workspace DIR                       list accounts\n"
    "  user lock|unlock --workspace DIR --name NAME    lock or unlock an account\n"
    "  audit verify --workspace DIR                    verify database, audit chain and checkpoints\n"
    "  audit query --workspace DIR (--user NAME --from T --to T | --data ID) [--json]\n"
    "  key rotate --workspace DIR [--purpose P]        new key-encryption key, data keys re-wrapped\n"
    "  key list --workspace DIR                        key inventory (no key material)\n"
    "  patient add --workspace DIR --national-id ID --name NAME --sex M|F --birth-date YYYY-MM-DD\n"
    "                                                  register; an invalid or duplicate ID is refused\n"
    "  patient find --workspace DIR --query TEXT       search by pseudonymous ID, name or pinyin\n"
    "  patient show --workspace DIR --id PSEUDONYM     demographics, identifiers (masked), timeline\n"
    "  patient merge --workspace DIR --survivor ID --merged ID --reason TEXT\n"
    "  patient unmerge --workspace DIR --merge MERGEID undo a merge exactly\n"
    "  patient duplicates --workspace DIR              possible duplicates waiting for review\n"
    "  form import --workspace DIR FILE.json           import a form definition (new id or new version)\n"
    "  form list --workspace DIR                       latest version of each form\n"
    "  record create|save|submit|approve|reject|amend|withdraw|show|list|inbox --workspace DIR --as USER\n"
    "                                                  records and their review, acting as USER\n"
    "                                                  (mdp record alone lists their options)\n"
    "  reviewer set --workspace DIR --user NAME [--categories a,b] [--projects p] [--email ADDRESS]\n"
    "  reviewer list --workspace DIR                   reviewer profiles and open tasks\n"
    "  demo-data --workspace DIR --patients N --seed S [--no-documents]\n"
    "                                                  add a synthetic breast-cancer cohort (Appendix A)\n"
    "  bench crypto|store|vault|audit|registry|forms|start [--json] [--size N]\n"
    "                                                  start: windows against a minimal Qt program and\n"
    "                                                  the unlock of --size patients (default 1000000)\n"
    "roles: clinician reviewer researcher ethics-reviewer data-manager auditor system-admin\n";

int usage(QTextStream &err, const QString &problem = {})
{
    if (!problem.isEmpty())
        err << "mdp: " << problem << "\n";
    err << kUsage;
    err.flush();
    return 2;
}

int fail(QTextStream &err, const Error &error)
{
    err << "mdp: " << error.message << " (" << Error::codeName(error.code) << ")\n";
    err.flush();
    return 1;
}

Result<std::unique_ptr<workspace::Workspace>> openWorkspace(const Args &args)
{
    const QString dir = args.value(QStringLiteral("workspace"));
    if (dir.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("--workspace DIR is required"));
    if (!workspace::Workspace::exists(dir))
        return makeError(Error::Code::NotFound, QStringLiteral("no workspace at %1").arg(dir));
    auto kind = workspace::Workspace::rootKind(dir);
    if (!kind)
        return kind.error();
    auto passphrase = kind.value() == QStringLiteral("pkcs11")
                          ? readSecret("MDP_TOKEN_PIN", QStringLiteral("Token PIN: "))
                          : readSecret("MDP_PASSPHRASE", QStringLiteral("Workspace passphrase: "));
    if (!passphrase)
        return passphrase.error();
    auto ws = workspace::Workspace::open(dir, passphrase.value());
    if (ws)
        ws.value()->beginCustodianSession(); // the command line acts on the passphrase's authority
    return ws;
}

int cmdInit(const Args &args, QTextStream &out, QTextStream &err)
{
    workspace::CreateOptions options;
    options.directory = args.value(QStringLiteral("workspace"));
    if (options.directory.isEmpty())
        return usage(err, QStringLiteral("--workspace DIR is required"));
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
        return usage(err, QStringLiteral("--cipher must be sm4 or aes"));
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
    auto ws = workspace::Workspace::create(options);
    if (!ws)
        return fail(err, ws.error());
    const auto info = ws.value()->info();
    out << "workspace created at " << info.directory << " (database " << info.pageCipher << ", vault "
        << info.blobCipher << ", root key " << info.rootKeyKind << ")\n";
    return 0;
}

int cmdUser(const Args &args, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    if (verb != QStringLiteral("add") && verb != QStringLiteral("list") && verb != QStringLiteral("lock") &&
        verb != QStringLiteral("unlock"))
        return usage(err, QStringLiteral("user needs add, list, lock or unlock"));
    const QString name = args.value(QStringLiteral("name"));
    if (verb != QStringLiteral("list") && name.isEmpty())
        return usage(err, QStringLiteral("--name NAME is required"));
    std::optional<accounts::Role> role;
    if (verb == QStringLiteral("add")) {
        role = accounts::roleFromId(args.value(QStringLiteral("role")));
        if (!role)
            return usage(err, QStringLiteral("--role must be one of the roles below"));
    }
    auto ws = openWorkspace(args);
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

int cmdAudit(const Args &args, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    if (verb == QStringLiteral("verify")) {
        auto ws = openWorkspace(args);
        if (!ws) {
            const auto code = ws.error().code;
            const bool integrity = code == Error::Code::Tampered || code == Error::Code::RolledBack ||
                                   code == Error::Code::Corrupt;
            if (integrity) {
                err << "mdp: integrity check FAILED: " << ws.error().message << "\n";
                err.flush();
                return 3;
            }
            return fail(err, ws.error());
        }
        const auto report = ws.value()->verifyIntegrity();
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
        return usage(err, QStringLiteral("audit needs verify or query"));
    const bool byUser = args.has(QStringLiteral("user"));
    const bool byData = args.has(QStringLiteral("data"));
    if (byUser == byData)
        return usage(err, QStringLiteral("give either --user NAME --from T --to T, or --data ID"));
    QDateTime from, to;
    if (byUser) {
        from = QDateTime::fromString(args.value(QStringLiteral("from")), Qt::ISODate);
        to = QDateTime::fromString(args.value(QStringLiteral("to")), Qt::ISODate);
        if (!from.isValid() || !to.isValid())
            return usage(err,
                         QStringLiteral("--from and --to take ISO 8601 times, e.g. 2026-01-01T00:00:00Z"));
    }
    auto ws = openWorkspace(args);
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

int cmdKey(const Args &args, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    if (verb != QStringLiteral("rotate") && verb != QStringLiteral("list"))
        return usage(err, QStringLiteral("key needs rotate or list"));
    auto ws = openWorkspace(args);
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
        lines = search::runSearchBenchmarks(scratch.path(), size > 0 ? size : 1000000);
        // Import rate with the duplicate check, audited as the workspace does (SM2 checkpoints).
        auto key = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        if (!key)
            return fail(err, key.error());
        lines += cohort::runRegistryImportBenchmark(
            scratch.path(), 1000, std::make_shared<workspace::Sm2CheckpointSigner>(key.value()));
    } else if (area == QStringLiteral("vault"))
        lines = store::runVaultBenchmarks(scratch.path(), size > 0 ? size : 64);
    else if (area == QStringLiteral("audit")) {
        // Checkpoints signed with SM2 as in the product, not with a stand-in.
        auto key = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        if (!key)
            return fail(err, key.error());
        lines = audit::runAuditBenchmarks(scratch.path(), size > 0 ? size : 20000,
                                          std::make_shared<workspace::Sm2CheckpointSigner>(key.value()));
    } else if (area == QStringLiteral("forms")) {
        lines = forms::runValidationBenchmarks();
        lines += forms::runFormStoreBenchmarks(scratch.path(), size > 0 ? size : 50);
    } else if (area == QStringLiteral("start")) {
        // Starts the GUI programs, so the program that can find them registers it (app/mdp).
        if (benchProviders().value(area).isEmpty())
            return fail(err, makeError(Error::Code::Unsupported,
                                       QStringLiteral("this build of mdp has no start benchmark")));
    } else
        return usage(err,
                     QStringLiteral("bench needs crypto, store, vault, audit, registry, forms or start"));
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

void setDocumentRenderer(std::unique_ptr<cohort::DocumentRenderer> renderer)
{
    documentRenderer() = std::move(renderer);
}

int runCli(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const Args args = Args::parse(arguments);
    const QString command = args.words.value(0);
    int rc = 2;
    if (command.isEmpty() || command == QStringLiteral("help") || args.has(QStringLiteral("help")))
        rc = usage(err);
    else if (command == QStringLiteral("init"))
        rc = cmdInit(args, out, err);
    else if (command == QStringLiteral("user"))
        rc = cmdUser(args, out, err);
    else if (command == QStringLiteral("audit"))
        rc = cmdAudit(args, out, err);
    else if (command == QStringLiteral("key"))
        rc = cmdKey(args, out, err);
    else if (command == QStringLiteral("patient"))
        rc = runPatientCommand(
            {args.words, args.options, args.flags, [&args] { return openWorkspace(args); }}, out, err);
    else if (command == QStringLiteral("form") || command == QStringLiteral("record") ||
             command == QStringLiteral("reviewer"))
        rc = runFormCommand({args.words, args.options, args.flags, [&args] { return openWorkspace(args); }},
                            out, err);
    else if (command == QStringLiteral("demo-data"))
        rc = runCohortCommand(
            {args.options, args.flags, [&args] { return openWorkspace(args); }, documentRenderer().get()},
            out, err);
    else if (command == QStringLiteral("bench"))
        rc = cmdBench(args, out, err);
    else
        rc = usage(err, QStringLiteral("unknown command '%1'").arg(command));
    out.flush();
    err.flush();
    return rc;
}

} // namespace mdp::cli
