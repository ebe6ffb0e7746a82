// `mdp deid dicom IN OUT [--profile NAME]` through runCli (issue 10, R-6.6.5a-d): file and folder
// runs, the skip report and exit codes, profiles, and a key file that makes runs agree.

#include "mdp/cli/Cli.h"
#include "mdp/deid/SyntheticDicom.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;

class tst_DeidDicomCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    int cli(const QStringList &args, QString *out, QString *err)
    {
        out->clear();
        err->clear();
        QTextStream o(out), e(err);
        return cli::runCli(args, o, e);
    }

    static QByteArray readAll(const QString &p)
    {
        QFile f(p);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir().mkpath(path(QStringLiteral("in/a")));
        QDir().mkpath(path(QStringLiteral("in/b")));
        QVERIFY(deid::writeSyntheticDicom(path(QStringLiteral("in/a/1.dcm")), {}).ok());
        deid::SyntheticDicomSpec us;
        us.modality = QStringLiteral("US");
        QVERIFY(deid::writeSyntheticDicom(path(QStringLiteral("in/b/us.dcm")), us).ok());
        QFile junk(path(QStringLiteral("in/b/readme.txt")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not DICOM");
    }

    // R-6.6.5a: a folder run writes what it can, names what it skipped and why, exits 1.
    void folderRunReportsSkippedFiles()
    {
        QString out, err;
        const int rc = cli({QStringLiteral("deid"), QStringLiteral("dicom"), path(QStringLiteral("in")),
                            path(QStringLiteral("out"))},
                           &out, &err);
        QCOMPARE(rc, 1);
        QVERIFY2(out.contains(QStringLiteral("1 written, 1 quarantined")) &&
                     out.contains(QStringLiteral("1 refused")),
                 qPrintable(out));
        QVERIFY2(err.contains(QStringLiteral("quarantined")) && err.contains(QStringLiteral("us.dcm")),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("refused")) && err.contains(QStringLiteral("readme.txt")) &&
                     err.contains(QStringLiteral("not a DICOM file")),
                 qPrintable(err));
        QVERIFY(QFileInfo::exists(path(QStringLiteral("out/a/1.dcm"))));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("out/b/us.dcm"))));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("out/b/readme.txt"))));
    }

    // R-6.6.5b: a file to a file with a named profile; the same key file gives the same output.
    void fileRunWithProfileAndKeyFileIsReproducible()
    {
        QFile key(path(QStringLiteral("key.bin")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray(32, 'q'));
        key.close();
        QString out, err;
        const QStringList base{QStringLiteral("deid"), QStringLiteral("dicom"),
                               path(QStringLiteral("in/a/1.dcm"))};
        const QStringList options{QStringLiteral("--profile"), QStringLiteral("research"),
                                  QStringLiteral("--key-file"), key.fileName()};
        QCOMPARE(cli(base + QStringList{path(QStringLiteral("r1.dcm"))} + options, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("profile research: 1 written")), qPrintable(out));
        QCOMPARE(cli(base + QStringList{path(QStringLiteral("r2.dcm"))} + options, &out, &err), 0);
        const QByteArray first = readAll(path(QStringLiteral("r1.dcm")));
        QVERIFY(!first.isEmpty());
        QCOMPARE(readAll(path(QStringLiteral("r2.dcm"))), first);
        QVERIFY(!first.contains("Zhang"));
        QVERIFY(!first.contains("PID-0001"));
        // Without a key file each run has its own key, and says so.
        QCOMPARE(cli(base + QStringList{path(QStringLiteral("r3.dcm"))}, &out, &err), 0);
        QVERIFY2(err.contains(QStringLiteral("--key-file")), qPrintable(err));
    }

    void usageErrors()
    {
        QString out, err;
        QCOMPARE(
            cli({QStringLiteral("deid"), QStringLiteral("dicom"), path(QStringLiteral("in"))}, &out, &err),
            2);
        QCOMPARE(cli({QStringLiteral("deid"), QStringLiteral("dicom"), path(QStringLiteral("in")),
                      path(QStringLiteral("o2")), QStringLiteral("--profile"), QStringLiteral("nope")},
                     &out, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("research-imaging")), qPrintable(err));
        QCOMPARE(cli({QStringLiteral("deid"), QStringLiteral("dicom"), path(QStringLiteral("in")),
                      path(QStringLiteral("o3")), QStringLiteral("stray")},
                     &out, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("stray")), qPrintable(err));
        QCOMPARE(cli({QStringLiteral("deid"), QStringLiteral("dicom"), path(QStringLiteral("in/a/1.dcm")),
                      path(QStringLiteral("in"))},
                     &out, &err),
                 2);
        QCOMPARE(cli({QStringLiteral("deid"), QStringLiteral("dicom"), QStringLiteral("--help")}, &out, &err),
                 0);
        QVERIFY2(out.contains(QStringLiteral("mdp deid dicom IN OUT")) &&
                     out.contains(QStringLiteral("research")),
                 qPrintable(out));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("o2"))));
    }
};

QTEST_GUILESS_MAIN(tst_DeidDicomCli)
#include "tst_DeidDicomCli.moc"
