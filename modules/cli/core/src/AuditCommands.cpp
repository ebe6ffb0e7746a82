#include "AuditCommands.h"

#include "mdp/audit/AuditBundle.h"
#include "mdp/audit/AuditTrail.h"
#include "mdp/cli/SecretPrompt.h"
#include "mdp/crypto/Signature.h"
#include "mdp/foundation/AtomicFile.h"
#include "mdp/workspace/AuditExport.h"
#include "mdp/workspace/AuditReports.h"
#include "mdp/workspace/Workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::cli {

namespace {

using S = CommandSyntax;

int usage(QTextStream &err, const AuditCommandArgs &args, const QString &problem)
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

Result<QByteArray> readFile(const QString &path, qint64 limit = qint64(1) << 20)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound,
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > limit)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("%1 is too large").arg(path));
    return file.readAll();
}

// An ISO 8601 bound, or an open one when not given.
Result<QDateTime> bound(const AuditCommandArgs &args, const QString &name)
{
    if (!args.has(name))
        return QDateTime();
    const QDateTime t = QDateTime::fromString(args.value(name), Qt::ISODate);
    if (!t.isValid())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("--%1 takes an ISO 8601 time, e.g. 2026-01-01T00:00:00Z").arg(name));
    return t.toUTC();
}

} // namespace

bool isAuditBundleVerb(const QString &verb)
{
    return verb == QStringLiteral("auditor-key") || verb == QStringLiteral("enrol-key") ||
           verb == QStringLiteral("rules") || verb == QStringLiteral("export") ||
           verb == QStringLiteral("report") || verb == QStringLiteral("open");
}

QList<CommandSyntax> auditBundleSyntax()
{
    const QString audit = QStringLiteral("audit");
    return {
        S(audit, QStringLiteral("auditor-key"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "make an auditor's SM2 key pair; the private key sealed with a passphrase "
                            "(MDP_AUDITOR_PASSPHRASE or a prompt)"),
          {S::required(QStringLiteral("name"), QStringLiteral("USER"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the auditor's user name"))},
          QStringLiteral("OUT.key")),
        S(audit, QStringLiteral("enrol-key"),
          QT_TRANSLATE_NOOP(
              "mdp::cli::CommandSyntax",
              "enrol your auditor key, signed in as that auditor (the key's passphrase, "
              "MDP_AUDITOR_PASSPHRASE or a prompt, proves you hold it): bundles are sealed for it"),
          {S::workspace(), S::required(QStringLiteral("for"), QStringLiteral("USER"),
                                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the auditor"))},
          QStringLiteral("KEY")),
        S(audit, QStringLiteral("export"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "write the audit events of a time range as a bundle sealed for one auditor "
                            "(auditor or administrator)"),
          {S::workspace(),
           S::required(QStringLiteral("for"), QStringLiteral("USER"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the auditor it is sealed for")),
           S::optional(
               QStringLiteral("from"), QStringLiteral("T"),
               QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "ISO 8601 time (default: the beginning)")),
           S::optional(QStringLiteral("to"), QStringLiteral("T"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "ISO 8601 time (default: now)")),
           S::optional(QStringLiteral("reads"), QStringLiteral("FILE"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "the auditor's read log from the offline mode, recorded first"))},
          QStringLiteral("OUT.bundle")),
        S(audit, QStringLiteral("rules"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "print the alert rules in force, or put a rule document in force (system "
                            "administrators)"),
          {S::workspace(),
           S::optional(QStringLiteral("set"), QStringLiteral("FILE"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the rule document (JSON)"))}),
        S(audit, QStringLiteral("report"),
          QT_TRANSLATE_NOOP(
              "mdp::cli::CommandSyntax",
              "generate, sign and keep the audit report of a quarter (auditor or administrator); "
              "without --quarter, list the reports kept"),
          {S::workspace(),
           S::optional(QStringLiteral("quarter"), QStringLiteral("Q"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "e.g. 2026Q4")),
           S::flag(QStringLiteral("json"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "print the report itself"))}),
        S(audit, QStringLiteral("open"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "check an auditor's bundle offline and list its events (exit 3 when it does "
                            "not verify)"),
          {S::required(QStringLiteral("key"), QStringLiteral("FILE"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the auditor's key file")),
           S::optional(
               QStringLiteral("site-key"), QStringLiteral("PEM"),
               QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the site server's witness key to trust")),
           S::optional(QStringLiteral("node-key"), QStringLiteral("FINGERPRINT"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "the workstation's node key (hex SHA-256, at least 16 digits) the "
                                         "bundle must be signed with")),
           S::flag(QStringLiteral("json"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "one JSON object per line"))},
          QStringLiteral("BUNDLE")),
    };
}

int runAuditBundleCommand(const AuditCommandArgs &args, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    const QString file = args.words.value(2);
    if (verb == QStringLiteral("report")) {
        auto ws = args.openWorkspace();
        if (!ws)
            return fail(err, ws.error());
        workspace::AuditReports reports(*ws.value());
        const bool json = args.has(QStringLiteral("json"));
        if (args.has(QStringLiteral("quarter"))) {
            auto made = reports.generate(args.value(QStringLiteral("quarter")));
            if (!made)
                return fail(err, made.error());
            if (json)
                out << made->bytes << "\n";
            else
                out << "report " << made->id << " for " << made->period << " kept; SM3 " << made->sm3
                    << ", signed with the node key\n";
            return 0;
        }
        auto history = reports.history();
        if (!history)
            return fail(err, history.error());
        for (const auto &r : *history) {
            if (json)
                out << r.bytes << "\n";
            else
                out << r.period << "  " << r.createdAt.toString(Qt::ISODate) << "  " << r.createdBy << "  "
                    << (r.signatureHolds ? "signature verified" : "SIGNATURE DOES NOT VERIFY") << "  " << r.id
                    << "\n";
        }
        return 0;
    }
    if (verb == QStringLiteral("rules")) {
        auto ws = args.openWorkspace();
        if (!ws)
            return fail(err, ws.error());
        if (args.has(QStringLiteral("set"))) {
            auto document = readFile(args.value(QStringLiteral("set")));
            if (!document)
                return fail(err, document.error());
            if (auto r = ws.value()->setAlertRules(*document); !r)
                return fail(err, r.error());
            out << "alert rules in force from " << args.value(QStringLiteral("set")) << "\n";
            return 0;
        }
        auto rules = ws.value()->alertRules();
        if (!rules)
            return fail(err, rules.error());
        out << *rules;
        return 0;
    }
    if (file.isEmpty())
        return usage(err, args, QStringLiteral("give the file"));

    if (verb == QStringLiteral("auditor-key")) {
        auto key = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        if (!key)
            return fail(err, key.error());
        auto passphrase =
            readSecret("MDP_AUDITOR_PASSPHRASE", QStringLiteral("Passphrase for the auditor key: "), true);
        if (!passphrase)
            return fail(err, passphrase.error());
        auto bytes = audit::makeAuditorKeyFile(args.value(QStringLiteral("name")), *key, *passphrase);
        if (!bytes)
            return fail(err, bytes.error());
        if (QFile::exists(file))
            return fail(err, makeError(Error::Code::AlreadyExists, QStringLiteral("%1 exists").arg(file)));
        if (auto r = writeFileAtomically(file, *bytes); !r)
            return fail(err, r.error());
        out << "auditor key for " << args.value(QStringLiteral("name")) << " written to " << file
            << "; fingerprint " << key->publicKey().fingerprint().toHex().left(16) << "\n";
        return 0;
    }

    if (verb == QStringLiteral("open")) {
        auto keyFile = readFile(args.value(QStringLiteral("key")));
        if (!keyFile)
            return fail(err, keyFile.error());
        auto passphrase =
            readSecret("MDP_AUDITOR_PASSPHRASE", QStringLiteral("Passphrase for the auditor key: "));
        if (!passphrase)
            return fail(err, passphrase.error());
        auto key = audit::openAuditorKeyFile(*keyFile, *passphrase);
        if (!key)
            return fail(err, key.error());
        std::optional<crypto::PublicKey> site;
        if (args.has(QStringLiteral("site-key"))) {
            auto pem = readFile(args.value(QStringLiteral("site-key")));
            if (!pem)
                return fail(err, pem.error());
            auto parsed = crypto::PublicKey::fromPem(*pem);
            if (!parsed)
                return fail(err, parsed.error());
            site = *parsed;
        }
        auto opened = audit::openAuditBundle(file, *key, site ? &*site : nullptr);
        const QString pinned = args.value(QStringLiteral("node-key")).toLower();
        if (opened && !pinned.isEmpty() &&
            (pinned.size() < 16 ||
             !QString::fromLatin1(opened->nodeKeyFingerprint.toHex()).startsWith(pinned)))
            opened =
                makeError(Error::Code::Tampered,
                          QStringLiteral("audit bundle: signed by node key %1, not the node key you gave")
                              .arg(QString::fromLatin1(opened->nodeKeyFingerprint.toHex().left(16))));
        if (!opened) {
            if (opened.error().code == Error::Code::Tampered) {
                err << "mdp: the bundle does NOT verify: " << opened.error().message << "\n";
                err.flush();
                return 3;
            }
            return fail(err, opened.error());
        }
        // Listing the bundle is a read like any other in the offline mode: recorded first.
        const QString readLog = audit::AuditReadLog::defaultPath(key->publicKey());
        if (auto noted = audit::AuditReadLog::append(readLog, *key, opened->bundleId, QStringLiteral("all"),
                                                     {}, QDateTime::currentDateTimeUtc());
            !noted)
            return fail(err, noted.error());
        const bool json = args.has(QStringLiteral("json"));
        if (!json) {
            out << "bundle " << opened->bundleId << " from " << opened->source << ", exported by "
                << opened->exportedBy << " at " << audit::AuditEvent::formatTime(opened->exportedAt) << "\n";
            for (const QString &line : opened->verified)
                out << "verified: " << line << "\n";
        }
        for (const auto &e : opened->events) {
            if (json) {
                QJsonObject o = e.event.toJsonObject();
                o.insert(QStringLiteral("seq"), e.sequence);
                out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
            } else {
                out << e.sequence << "  " << audit::AuditEvent::formatTime(e.event.recorded) << "  "
                    << e.event.type << "  "
                    << opened->accountNames.value(e.event.agent.userId, e.event.agent.userId) << "\n";
            }
        }
        if (!json)
            out << opened->events.size() << " event(s)\n";
        return 0;
    }

    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    workspace::AuditExport exporter(*ws.value());
    const QString auditor = args.value(QStringLiteral("for"));
    if (verb == QStringLiteral("enrol-key")) {
        auto keyFile = readFile(file);
        if (!keyFile)
            return fail(err, keyFile.error());
        // The key file as made by auditor-key: its private half signs the enrolment.
        auto passphrase =
            readSecret("MDP_AUDITOR_PASSPHRASE", QStringLiteral("Passphrase for the auditor key: "));
        if (!passphrase)
            return fail(err, passphrase.error());
        auto key = audit::openAuditorKeyFile(*keyFile, *passphrase);
        if (!key)
            return fail(err, key.error());
        auto challenge = exporter.enrolmentChallenge(auditor, key->publicKey());
        if (!challenge)
            return fail(err, challenge.error());
        auto proof = key->sign(*challenge);
        if (!proof)
            return fail(err, proof.error());
        if (auto r = exporter.enrolKey(auditor, key->publicKey(), *proof); !r)
            return fail(err, r.error());
        out << "enrolled key " << key->publicKey().fingerprint().toHex().left(16) << " for " << auditor
            << "\n";
        return 0;
    }
    auto from = bound(args, QStringLiteral("from"));
    auto to = bound(args, QStringLiteral("to"));
    if (!from || !to)
        return usage(err, args, (!from ? from.error() : to.error()).message);
    if (args.has(QStringLiteral("reads"))) {
        auto readLog = readFile(args.value(QStringLiteral("reads")), qint64(64) << 20);
        if (!readLog)
            return fail(err, readLog.error());
        auto taken = exporter.takeReads(*readLog, auditor);
        if (!taken)
            return fail(err, taken.error());
        out << "recorded " << *taken << " offline read(s) by " << auditor << "\n";
    }
    auto summary = exporter.exportBundle(file, *from, *to, auditor);
    if (!summary)
        return fail(err, summary.error());
    out << "wrote " << file << " (bundle " << summary->bundleId << "): events " << summary->first << "-"
        << (summary->end - 1) << " for " << summary->recipient << " (key "
        << summary->fingerprint.toHex().left(16) << ")";
    if (summary->witnessed >= 0)
        out << ", the server had witnessed " << summary->witnessed;
    else
        out << ", not yet witnessed by a site server";
    out << "\n";
    return 0;
}

} // namespace mdp::cli
