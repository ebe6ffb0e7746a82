#include "DeidCommands.h"

#include "mdp/cli/Cli.h"
#include "mdp/deid/DicomDeidentifier.h"
#include "mdp/deid/StructuredDeidentifier.h"
#include "mdp/deid/TextDeidentifier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringDecoder>

namespace mdp::cli {

namespace {

int usage(QTextStream &err, const ParsedCommand &args, const QString &problem)
{
    err << "mdp: " << problem << "\n"
        << "usage: " << args.usage << "\n";
    err.flush();
    return 2;
}

int fail(QTextStream &err, const QString &problem)
{
    err << "mdp: " << problem << "\n";
    err.flush();
    return 1;
}

QString profileNames()
{
    QStringList names;
    for (const deid::DicomDeidProfile &p : deid::dicomDeidProfiles())
        names << p.name;
    return names.join(QStringLiteral(", "));
}

// The key for UID remapping, pseudonyms and date offsets: the bytes of --key-file (at least 16),
// so several runs over one project agree; without it a random key for this run only.
std::optional<QByteArray> deidKey(const ParsedCommand &args, QTextStream &err, QString *problem)
{
    const QString keyFile = args.value(QStringLiteral("key-file"));
    if (keyFile.isEmpty()) {
        QByteArray key(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
        err << "mdp: no --key-file: UIDs, pseudonyms and date offsets are consistent within this run only\n";
        return key;
    }
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot read the key file %1: %2").arg(keyFile, file.errorString());
        return std::nullopt;
    }
    const QByteArray key = file.read(4096);
    if (key.size() < 16) {
        *problem =
            QStringLiteral("the key file %1 holds fewer than 16 bytes (e.g. head -c 32 /dev/urandom > %1)")
                .arg(keyFile);
        return std::nullopt;
    }
    return key;
}

QString outcomeWord(deid::DicomDeidOutcome outcome)
{
    switch (outcome) {
    case deid::DicomDeidOutcome::Written:
        return QStringLiteral("written");
    case deid::DicomDeidOutcome::Quarantined:
        return QStringLiteral("quarantined");
    case deid::DicomDeidOutcome::Refused:
        break;
    }
    return QStringLiteral("refused");
}

int deidDicom(const ParsedCommand &args, QTextStream &out, QTextStream &err)
{
    const QString in = args.words.value(2);
    const QString target = args.words.value(3);
    if (in.isEmpty() || target.isEmpty())
        return usage(err, args, QStringLiteral("give the input and the output: IN OUT"));
    const QString profileName =
        args.has(QStringLiteral("profile")) ? args.value(QStringLiteral("profile")) : QStringLiteral("basic");
    auto profile = deid::dicomDeidProfile(profileName);
    if (!profile)
        return usage(err, args,
                     QStringLiteral("unknown profile '%1' (one of: %2)").arg(profileName, profileNames()));
    if (args.has(QStringLiteral("pixel-rules"))) {
        QFile rules(args.value(QStringLiteral("pixel-rules")));
        if (!rules.open(QIODevice::ReadOnly))
            return fail(err, QStringLiteral("cannot read %1: %2").arg(rules.fileName(), rules.errorString()));
        auto parsed = deid::parseBurnedInTextRules(rules.readAll());
        if (!parsed)
            return fail(err, parsed.error().message);
        profile->options.burnedInTextRules = parsed.value();
    }
    const QFileInfo input(in);
    if (!input.exists())
        return fail(err, QStringLiteral("%1 does not exist").arg(in));
    const QFileInfo output(target);
    if (input.isDir() && output.exists() && !output.isDir())
        return usage(err, args, QStringLiteral("the input is a folder, so the output must be one too"));
    if (input.isFile() && output.isDir())
        return usage(err, args, QStringLiteral("the input is a file, so the output must be a file name"));
    if (input.absoluteFilePath() == output.absoluteFilePath())
        return usage(err, args, QStringLiteral("the output must differ from the input"));
    QString problem;
    const auto key = deidKey(args, err, &problem);
    if (!key)
        return fail(err, problem);

    const deid::DicomDeidentifier deidentifier(profile->options, *key);
    deid::DicomRunReport report;
    if (input.isFile()) {
        report.files << deidentifier.deidentifyFile(in, target);
    } else {
        report = deidentifier.deidentifyFolder(in, target, [&err, &in](const deid::DicomFileResult &r) {
            if (r.outcome != deid::DicomDeidOutcome::Written) {
                err << "mdp: " << outcomeWord(r.outcome) << " " << r.input << ": " << r.reason << "\n";
                err.flush();
            }
        });
    }
    if (input.isFile() && report.files.constFirst().outcome != deid::DicomDeidOutcome::Written)
        err << "mdp: " << outcomeWord(report.files.constFirst().outcome) << " " << in << ": "
            << report.files.constFirst().reason << "\n";
    out << "profile " << profile->name << ": " << report.written() << " written, " << report.quarantined()
        << " quarantined (possible burned-in text, not written), " << report.refused() << " refused\n";
    out.flush();
    err.flush();
    return report.written() == report.files.size() ? 0 : 1;
}

PdfRedactor &pdfRedactor()
{
    static PdfRedactor redactor;
    return redactor;
}

// Standard input as UTF-8, refused when it is not UTF-8 or larger than the limit: nothing is written
// then, so a pipeline never passes on a half-processed text.
constexpr qint64 kTextLimit = 64 * 1024 * 1024;

int deidText(const ParsedCommand &args, QTextStream &out, QTextStream &err)
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return fail(err, QStringLiteral("cannot read standard input"));
    QByteArray bytes;
    while (!input.atEnd() || bytes.isEmpty()) {
        const QByteArray chunk = input.read(1 << 20);
        if (chunk.isEmpty())
            break;
        bytes += chunk;
        if (bytes.size() > kTextLimit)
            return fail(err, QStringLiteral("the text on standard input is larger than %1 MiB; split it")
                                 .arg(kTextLimit / (1024 * 1024)));
    }
    QStringDecoder decode(QStringDecoder::Utf8);
    const QString text = decode(bytes);
    if (decode.hasError())
        return fail(
            err, QStringLiteral("standard input is not UTF-8 text; convert it first (e.g. iconv -f GB18030 "
                                "-t UTF-8)"));
    deid::TextDeidOptions options;
    if (args.has(QStringLiteral("surrogates"))) {
        options.replacement = deid::Replacement::Surrogate;
        QString problem;
        if (args.has(QStringLiteral("key-file"))) {
            auto key = deidKey(args, err, &problem);
            if (!key)
                return usage(err, args, problem);
            options.key = *key;
        }
        options.scope = args.value(QStringLiteral("scope"));
    } else if (args.has(QStringLiteral("key-file")) || args.has(QStringLiteral("scope"))) {
        return usage(err, args, QStringLiteral("--key-file and --scope go with --surrogates"));
    }
    const deid::TextDeidentifier deidentifier(options);
    out << deidentifier.deidentify(text);
    out.flush();
    return 0;
}

int deidPdf(const ParsedCommand &args, QTextStream &out, QTextStream &err)
{
    const QString in = args.words.value(2);
    const QString target = args.words.value(3);
    if (in.isEmpty() || target.isEmpty())
        return usage(err, args, QStringLiteral("give the input and the output: IN OUT"));
    if (!pdfRedactor())
        return fail(err, QStringLiteral("PDF redaction is not available in this program"));
    return pdfRedactor()(in, target, out, err);
}

} // namespace

void registerPdfRedactor(PdfRedactor redactor)
{
    pdfRedactor() = std::move(redactor);
}

QList<CommandSyntax> deidSyntax()
{
    using S = CommandSyntax;
    return {
        S(QStringLiteral("deid"), QStringLiteral("dicom"),
          QT_TRANSLATE_NOOP(
              "mdp::cli::CommandSyntax",
              "de-identify DICOM files by PS3.15 Table E.1-1 (2024b): IN a file and OUT a file, or IN a "
              "folder and OUT a folder (recursive, same structure). Files that may carry burned-in text "
              "are quarantined (not written) unless a pixel rule cleans them; malformed files are "
              "refused; each is named on standard error and the run goes on (exit 1)"),
          {S::optional(QStringLiteral("profile"), QStringLiteral("NAME"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "basic (default: Basic Profile), research (+ dates shifted per "
                                         "patient, patient characteristics kept, descriptors cleaned) or "
                                         "research-imaging (research + device identity and safe private "
                                         "attributes kept)")),
           S::optional(QStringLiteral("key-file"), QStringLiteral("FILE"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "secret key (16 bytes or more) for UIDs, pseudonyms and date "
                                         "offsets: the same key gives the same results across runs; "
                                         "without it a random key for this run")),
           S::optional(QStringLiteral("pixel-rules"), QStringLiteral("FILE.json"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "areas to blank per device and image size: [{\"manufacturer\", "
                                         "\"model\", \"rows\", \"columns\", \"areas\": [[x, y, w, h]]}]"))},
          QStringLiteral("IN OUT")),
        S(QStringLiteral("deid"), QStringLiteral("text"),
          QT_TRANSLATE_NOOP(
              "mdp::cli::CommandSyntax",
              "de-identify Chinese clinical text from standard input (UTF-8) to standard output: "
              "names, addresses, hospitals and departments, dates, phone, record, identity and "
              "card numbers, e-mail, ages over 89 become typed placeholders ([姓名], [日期], ...)"),
          {S::flag(
               QStringLiteral("surrogates"),
               QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                 "replace with consistent surrogates of the same form instead (dates move "
                                 "by one offset per scope, intervals kept)")),
           S::optional(
               QStringLiteral("key-file"), QStringLiteral("FILE"),
               QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                 "with --surrogates: secret key (16 bytes or more) so that runs agree")),
           S::optional(QStringLiteral("scope"), QStringLiteral("NAME"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "with --surrogates: what surrogates are consistent within, e.g. a "
                                         "patient's pseudonym"))}),
        S(QStringLiteral("deid"), QStringLiteral("pdf"),
          QT_TRANSLATE_NOOP(
              "mdp::cli::CommandSyntax",
              "redact a PDF: identifiers found in the text layer are blacked out and every page "
              "is re-rendered as an image, so no text remains under a box; pages without a text "
              "layer (scans) are withheld for review and the run exits 1"),
          {}, QStringLiteral("IN OUT")),
        S(QStringLiteral("deid"), QStringLiteral("records"),
          QT_TRANSLATE_NOOP(
              "mdp::cli::CommandSyntax",
              "de-identify structured records, JSON Lines from standard input to standard output, by a "
              "plan: each field kept, dropped, masked, generalised (year-only, age-band, postcode), "
              "pseudonymised or date-shifted per patient; fields the plan does not name are dropped"),
          {S::required(QStringLiteral("plan"), QStringLiteral("PLAN.json"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "{\"scope\": FIELD, \"fields\": {FIELD: keep|drop|mask|year-only|"
                                         "age-band|postcode|pseudonymise|shift-date|free-text}}")),
           S::optional(QStringLiteral("key-file"), QStringLiteral("FILE"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "secret key (16 bytes or more) for pseudonyms and date offsets, so "
                                         "that runs agree; without it a random key for this run"))}),
    };
}

// JSON Lines from standard input: every line is checked before anything is written, so a bad line
// (not JSON, not an object) stops the run with its number and no partial output is passed on.
int deidRecords(const ParsedCommand &args, QTextStream &out, QTextStream &err)
{
    QFile planFile(args.value(QStringLiteral("plan")));
    if (!planFile.open(QIODevice::ReadOnly))
        return usage(err, args, QStringLiteral("cannot read the plan %1").arg(planFile.fileName()));
    auto plan = deid::DeidPlan::fromJson(planFile.read(4 * 1024 * 1024));
    if (!plan)
        return fail(err, plan.error().message);
    QString problem;
    auto key = deidKey(args, err, &problem);
    if (!key)
        return usage(err, args, problem);
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return fail(err, QStringLiteral("cannot read standard input"));
    QList<QJsonObject> records;
    qint64 total = 0;
    qint64 lineNumber = 0;
    constexpr qint64 kLineLimit = 16 * 1024 * 1024;
    while (!input.atEnd()) {
        const QByteArray raw = input.readLine(kLineLimit + 1);
        ++lineNumber;
        if (raw.size() > kLineLimit)
            return fail(err,
                        QStringLiteral("line %1 is longer than 16 MiB; nothing was written").arg(lineNumber));
        total += raw.size();
        const QByteArray line = raw.trimmed();
        if (total > kTextLimit)
            return fail(err, QStringLiteral("the records on standard input exceed %1 MiB; split them")
                                 .arg(kTextLimit / (1024 * 1024)));
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return fail(err,
                        QStringLiteral("line %1 is not a JSON object (%2); nothing was written")
                            .arg(lineNumber)
                            .arg(error.error != QJsonParseError::NoError ? error.errorString()
                                                                         : QStringLiteral("not an object")));
        records << doc.object();
    }
    const deid::StructuredDeidentifier deidentifier(*key);
    for (const QJsonObject &record : std::as_const(records))
        out << QString::fromUtf8(
                   QJsonDocument(deidentifier.apply(record, plan.value())).toJson(QJsonDocument::Compact))
            << '\n';
    out.flush();
    if (out.status() != QTextStream::Ok)
        return fail(err, QStringLiteral("standard output could not be written completely"));
    err << "mdp: " << records.size() << " record(s) de-identified\n";
    err.flush();
    return 0;
}

int runDeidCommand(const ParsedCommand &args, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    if (verb == QStringLiteral("dicom"))
        return deidDicom(args, out, err);
    if (verb == QStringLiteral("text"))
        return deidText(args, out, err);
    if (verb == QStringLiteral("pdf"))
        return deidPdf(args, out, err);
    if (verb == QStringLiteral("records"))
        return deidRecords(args, out, err);
    return usage(err, args, QStringLiteral("unknown deid verb '%1'").arg(verb));
}

} // namespace mdp::cli
