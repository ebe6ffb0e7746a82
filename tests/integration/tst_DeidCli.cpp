// The de-identification commands scripts depend on (issue 10, R-6.6.5a-d), run as a user runs them:
// `mdp deid text` (UTF-8 from standard input to standard output) and `mdp deid pdf IN OUT`, through
// the built program. Bad input is refused with a message and leaves nothing behind.
#include "mdp/deid/SyntheticReportPdf.h"

#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPdfDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString program()
{
    return QStringLiteral(MDP_BINARY_DIR "/bin/mdp");
}

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run runMdp(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(program(), arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

const QString kNote = QStringLiteral(
    "入院记录\n患者王小红，女，52岁。身份证号：110105197203154527，联系电话13812345678，"
    "住址：北京市朝阳区建国路88号3单元502室。于2024年3月5日入我院乳腺外科，病案号 BA20240305。\n"
    "主诉：发现左乳肿物3月。家属（丈夫）李建国，电话 010-65123456。\n");

} // namespace

class tst_DeidCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textFromStandardInputToStandardOutput()
    {
        const Run run = runMdp({QStringLiteral("deid"), QStringLiteral("text")}, kNote.toUtf8());
        QCOMPARE(run.code, 0);
        const QString out = QString::fromUtf8(run.out);
        for (const char *planted : {"王小红", "110105197203154527", "13812345678", "建国路88号",
                                    "2024年3月5日", "BA20240305", "李建国", "010-65123456"})
            QVERIFY2(!out.contains(QString::fromUtf8(planted)), planted);
        QVERIFY(out.contains(QStringLiteral("[姓名]")));
        QVERIFY(out.contains(QStringLiteral("[身份证号]")));
        QVERIFY(out.contains(QStringLiteral("主诉：发现左乳肿物3月"))); // the clinical content stays
    }

    void surrogatesAgreeAcrossRunsWithOneKey()
    {
        QTemporaryDir dir;
        QFile key(dir.filePath(QStringLiteral("key")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray(32, '\x5a'));
        key.close();
        const QStringList arguments{
            QStringLiteral("deid"),       QStringLiteral("text"), QStringLiteral("--surrogates"),
            QStringLiteral("--key-file"), key.fileName(),         QStringLiteral("--scope"),
            QStringLiteral("P-TEST")};
        const Run first = runMdp(arguments, kNote.toUtf8());
        const Run second = runMdp(arguments, kNote.toUtf8());
        QCOMPARE(first.code, 0);
        QCOMPARE(first.out, second.out);
        QVERIFY(!QString::fromUtf8(first.out).contains(QStringLiteral("王小红")));
        QVERIFY(!QString::fromUtf8(first.out).contains(QStringLiteral("[姓名]")));
        // --key-file without --surrogates is a usage error.
        QCOMPARE(runMdp({QStringLiteral("deid"), QStringLiteral("text"), QStringLiteral("--key-file"),
                         key.fileName()},
                        kNote.toUtf8())
                     .code,
                 2);
    }

    // R-6.6.5a-b: structured records by a plan; the same key gives the same pseudonyms and offsets,
    // a line that is not a JSON object stops the run before anything is written.
    void recordsAreDeidentifiedByAPlan()
    {
        QTemporaryDir dir;
        const QString plan = dir.filePath(QStringLiteral("plan.json"));
        const QString keyFile = dir.filePath(QStringLiteral("key"));
        QFile p(plan);
        QVERIFY(p.open(QIODevice::WriteOnly));
        p.write(R"({"scope": "patient", "fields": {"patient": "pseudonymise", "name": "drop",
                  "birthDate": "year-only", "diagnosed": "shift-date", "sizeMm": "keep"}})");
        p.close();
        QFile k(keyFile);
        QVERIFY(k.open(QIODevice::WriteOnly));
        k.write("0123456789abcdef0123456789abcdef");
        k.close();
        const QByteArray input =
            QStringLiteral("{\"patient\": \"P-ABC\", \"name\": \"王小红\", \"birthDate\": \"1972-03-15\", "
                           "\"diagnosed\": \"2024-03-05\", \"sizeMm\": 23, \"phone\": \"13812345678\"}\n"
                           "{\"patient\": \"P-ABC\", \"name\": \"王小红\", \"diagnosed\": \"2024-04-05\"}\n")
                .toUtf8();
        const QStringList arguments{QStringLiteral("deid"),       QStringLiteral("records"),
                                    QStringLiteral("--plan"),     plan,
                                    QStringLiteral("--key-file"), keyFile};
        const Run run = runMdp(arguments, input);
        QCOMPARE(run.code, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        for (const char *planted : {"王小红", "13812345678", "1972-03-15", "2024-03-05", "P-ABC"})
            QVERIFY2(!run.out.contains(QByteArray(planted)), planted);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
        QCOMPARE(first.value(u"birthDate").toString(), QStringLiteral("1972"));
        QCOMPARE(first.value(u"sizeMm").toInt(), 23);
        QCOMPARE(first.value(u"patient"), second.value(u"patient"));
        // One patient's dates keep their interval.
        QCOMPARE(QDate::fromString(first.value(u"diagnosed").toString(), Qt::ISODate)
                     .daysTo(QDate::fromString(second.value(u"diagnosed").toString(), Qt::ISODate)),
                 QDate(2024, 3, 5).daysTo(QDate(2024, 4, 5)));
        QCOMPARE(runMdp(arguments, input).out, run.out); // the same key, the same output

        const Run broken = runMdp(arguments, input + "{not json}\n");
        QVERIFY(broken.code != 0);
        QVERIFY(broken.out.isEmpty());
        QVERIFY2(broken.err.contains("line 3"), broken.err.constData());
    }

    void textThatIsNotUtf8IsRefusedWithNothingWritten()
    {
        const Run run =
            runMdp({QStringLiteral("deid"), QStringLiteral("text")}, QByteArray("\xc4\xfa\xba\xc3 \xff\xfe"));
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains("not UTF-8"));
    }

    void pdfIsRedactedByReRendering()
    {
        QTemporaryDir dir;
        const mdp::deid::SyntheticReport report = mdp::deid::syntheticReportPdf();
        const QString in = dir.filePath(QStringLiteral("in.pdf"));
        const QString out = dir.filePath(QStringLiteral("out.pdf"));
        QFile file(in);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(report.pdf);
        file.close();
        const Run run = runMdp({QStringLiteral("deid"), QStringLiteral("pdf"), in, out});
        QVERIFY2(run.code == 0, run.err.constData());
        QPdfDocument redacted;
        QCOMPARE(redacted.load(out), QPdfDocument::Error::None);
        QCOMPARE(redacted.pageCount(), 1);
        QVERIFY(redacted.getAllText(0).text().trimmed().isEmpty()); // no text layer left
        for (const auto &placed : report.texts)
            if (placed.role == mdp::deid::PlacedText::Role::Identifier)
                QVERIFY(!run.out.contains(placed.text.toUtf8())); // the report names no value
    }

    void aScannedPageIsWithheldAndTheRunSaysSo()
    {
        QTemporaryDir dir;
        mdp::deid::SyntheticReportOptions options;
        options.pages = 2;
        options.scannedPages = {1};
        const QString in = dir.filePath(QStringLiteral("scan.pdf"));
        QFile file(in);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(mdp::deid::syntheticReportPdf(options).pdf);
        file.close();
        const Run run = runMdp(
            {QStringLiteral("deid"), QStringLiteral("pdf"), in, dir.filePath(QStringLiteral("o.pdf"))});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains("withheld"));
    }

    void aBrokenPdfIsRefusedAndLeavesNoOutput()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("broken.pdf"));
        QFile file(in);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(mdp::deid::syntheticReportPdf().pdf.left(400));
        file.close();
        const QString out = dir.filePath(QStringLiteral("out.pdf"));
        const Run run = runMdp({QStringLiteral("deid"), QStringLiteral("pdf"), in, out});
        QCOMPARE(run.code, 1);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(!QFile::exists(out));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left either
    }
};

QTEST_MAIN(tst_DeidCli)
#include "tst_DeidCli.moc"
