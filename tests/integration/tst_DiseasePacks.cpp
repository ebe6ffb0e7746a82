// The `mdp` program with and without the breast-cancer disease pack, and beside broken packs.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char *const kBrokenPacks[] = {"not_a_plugin", "old_interface_pack", "wrong_iid_pack",
                                    "missing_symbol_pack"};

} // namespace

class tst_DiseasePacks : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // Runs mdp with MDP_DISEASE_PACK_PATH set to `packPath` (unset when null); stdout and stderr merged.
    int mdp(const QStringList &args, const char *packPath, QString *output)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MDP_PASSPHRASE"), QStringLiteral("disease packs test 2026"));
        env.remove(QStringLiteral("MDP_DISEASE_PACK_PATH"));
        if (packPath)
            env.insert(QStringLiteral("MDP_DISEASE_PACK_PATH"), QString::fromLocal8Bit(packPath));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(MDP_BINARY_DIR "/bin/mdp"), args);
        if (!p.waitForFinished(180000))
            return -1;
        *output = QString::fromUtf8(p.readAll());
        return p.exitCode();
    }

    QString workspace(const QString &name) const { return QDir(m_dir.path()).filePath(name); }

private Q_SLOTS:
    // R-6.2.1d: the reference case comes from its pack: a new workspace imports its six forms, and
    // demo-data fills the workspace with its cohort.
    void withThePackANewWorkspaceHasTheReferenceCase()
    {
        QString out;
        const QString ws = workspace(QStringLiteral("with-pack"));
        QCOMPARE(mdp({QStringLiteral("init"), QStringLiteral("--machine-unlock"),
                      QStringLiteral("--workspace"), ws},
                     nullptr, &out),
                 0);
        QCOMPARE(mdp({QStringLiteral("form"), QStringLiteral("list"), QStringLiteral("--workspace"), ws},
                     nullptr, &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("6 form(s)")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("breast-baseline")), qPrintable(out));
        QCOMPARE(mdp({QStringLiteral("demo-data"), QStringLiteral("--workspace"), ws,
                      QStringLiteral("--patients"), QStringLiteral("3"), QStringLiteral("--no-documents")},
                     nullptr, &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("demo cohort of breast-cancer")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("3 patients imported")), qPrintable(out));
    }

    // Broken packs only: each is refused with its file and reason, and the program still works as the
    // generic platform (no forms, no demo cohort).
    void withBrokenPacksOnlyTheProgramRunsAsTheGenericPlatform()
    {
        QStringList folders;
        for (const char *name : kBrokenPacks)
            folders << QStringLiteral(MDP_BINARY_DIR "/tests/disease-packs/") + QString::fromLatin1(name);
        const QByteArray path = folders.join(u':').toLocal8Bit();
        QString out;
        const QString ws = workspace(QStringLiteral("generic"));
        QCOMPARE(mdp({QStringLiteral("init"), QStringLiteral("--machine-unlock"),
                      QStringLiteral("--workspace"), ws},
                     path.constData(), &out),
                 0);
        for (const char *name : kBrokenPacks)
            QVERIFY2(out.contains(QStringLiteral("disease pack refused: ")) &&
                         out.contains(QString::fromLatin1(name)),
                     qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("built for disease-pack interface version 0.9")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("mdp_function_no_library_defines")), qPrintable(out));
        QCOMPARE(mdp({QStringLiteral("form"), QStringLiteral("list"), QStringLiteral("--workspace"), ws},
                     path.constData(), &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("0 form(s)")), qPrintable(out));
        QCOMPARE(mdp({QStringLiteral("demo-data"), QStringLiteral("--workspace"), ws,
                      QStringLiteral("--patients"), QStringLiteral("3")},
                     path.constData(), &out),
                 1);
        QVERIFY2(out.contains(QStringLiteral("no installed disease pack has a demo cohort")),
                 qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(tst_DiseasePacks)
#include "tst_DiseasePacks.moc"
