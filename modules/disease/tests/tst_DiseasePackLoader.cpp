#include "mdp/disease/DiseasePack.h"
#include "mdp/disease/DiseasePackLoader.h"

#include <QDir>
#include <QTest>

using namespace mdp::disease;

namespace {

QString packFolder(const char *name)
{
    return QDir(QStringLiteral(MDP_TEST_PACKS_DIR)).filePath(QString::fromLatin1(name));
}

// The one refusal of loading `folder` alone; fails the test when there is not exactly one.
PackRefusal onlyRefusal(const char *folder)
{
    DiseasePackLoader loader({packFolder(folder)});
    loader.load();
    if (!loader.packs().isEmpty() || loader.refusals().size() != 1)
        qFatal("expected exactly one refusal in %s", folder);
    return loader.refusals().constFirst();
}

} // namespace

class tst_DiseasePackLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodPackIsLoaded()
    {
        DiseasePackLoader loader({packFolder("good_pack")});
        loader.load();
        QCOMPARE(loader.refusals().size(), 0);
        QCOMPARE(loader.packs().size(), 1);
        QCOMPARE(loader.packs().constFirst().pack->packId(), QStringLiteral("test-good"));
        QVERIFY(loader.packs().constFirst().file.contains(QStringLiteral("good_pack")));
        QCOMPARE(loader.formTemplates().size(), 1);
        QVERIFY(loader.formTemplates().constFirst().contains("test-form"));
        QCOMPARE(loader.demoPack(), nullptr);
    }

    void packForAnotherInterfaceVersionIsRefused()
    {
        const PackRefusal r = onlyRefusal("old_interface_pack");
        QVERIFY2(r.file.contains(QStringLiteral("old_interface_pack")), qPrintable(r.file));
        QCOMPARE(r.reason, QStringLiteral("built for disease-pack interface version 0.9; this program needs "
                                          "version 1.0"));
    }

    void pluginWithAnotherIidIsRefused()
    {
        const PackRefusal r = onlyRefusal("wrong_iid_pack");
        QVERIFY2(r.file.contains(QStringLiteral("wrong_iid_pack")), qPrintable(r.file));
        QCOMPARE(r.reason,
                 QStringLiteral("not a disease pack (its plug-in interface is "
                                "\"org.example.ImageFilter/1.0\", expected \"org.mdp.DiseasePack/1.0\")"));
    }

    void libraryThatIsNoPluginIsRefused()
    {
        const PackRefusal r = onlyRefusal("not_a_plugin");
        QVERIFY2(r.file.contains(QStringLiteral("not_a_plugin")), qPrintable(r.file));
        QVERIFY2(r.reason.startsWith(QStringLiteral("not a Qt plug-in")), qPrintable(r.reason));
    }

    void packWithAnUnresolvedSymbolIsRefused()
    {
        const PackRefusal r = onlyRefusal("missing_symbol_pack");
        QVERIFY2(r.file.contains(QStringLiteral("missing_symbol_pack")), qPrintable(r.file));
        QVERIFY2(r.reason.startsWith(QStringLiteral("cannot be loaded: ")), qPrintable(r.reason));
        QVERIFY2(r.reason.contains(QStringLiteral("mdp_function_no_library_defines")), qPrintable(r.reason));
    }

    // Broken packs beside a good one: each refused with its file, the good one loaded all the same.
    void refusedPacksLeaveTheOthersLoaded()
    {
        DiseasePackLoader loader({packFolder("not_a_plugin"), packFolder("old_interface_pack"),
                                  packFolder("good_pack"), packFolder("wrong_iid_pack"),
                                  packFolder("missing_symbol_pack"), packFolder("no-such-folder")});
        loader.load();
        QCOMPARE(loader.packs().size(), 1);
        QCOMPARE(loader.packs().constFirst().pack->packId(), QStringLiteral("test-good"));
        QCOMPARE(loader.refusals().size(), 4);
        const QStringList expected{QStringLiteral("not_a_plugin"), QStringLiteral("old_interface_pack"),
                                   QStringLiteral("wrong_iid_pack"), QStringLiteral("missing_symbol_pack")};
        for (int i = 0; i < expected.size(); ++i)
            QVERIFY2(loader.refusals().at(i).file.contains(expected.at(i)),
                     qPrintable(loader.refusals().at(i).file));
    }

    void samePackTwiceIsLoadedOnce()
    {
        DiseasePackLoader loader({packFolder("good_pack"), packFolder("good_pack")});
        loader.load();
        QCOMPARE(loader.packs().size(), 1);
        QCOMPARE(loader.refusals().size(), 1);
        QVERIFY2(loader.refusals().constFirst().reason.startsWith(
                     QStringLiteral("pack \"test-good\" is already loaded from ")),
                 qPrintable(loader.refusals().constFirst().reason));
    }

    void searchPathIsTheBuildTreeAndTheInstallFolderUnlessTheEnvironmentSaysOtherwise()
    {
        qunsetenv(DiseasePackLoader::kPathVariable);
        const QStringList defaults = DiseasePackLoader::defaultSearchPaths();
        QCOMPARE(defaults.size(), 2);
        const QString build =
            QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../plugins/disease"));
        QCOMPARE(defaults.at(0), build);
        QVERIFY2(defaults.at(1).endsWith(QStringLiteral("/mdp/plugins/disease")), qPrintable(defaults.at(1)));
        qputenv(DiseasePackLoader::kPathVariable, "/opt/site/packs:/srv/more-packs");
        QCOMPARE(DiseasePackLoader::defaultSearchPaths(),
                 (QStringList{QStringLiteral("/opt/site/packs"), QStringLiteral("/srv/more-packs")}));
        qunsetenv(DiseasePackLoader::kPathVariable);
    }
};

QTEST_GUILESS_MAIN(tst_DiseasePackLoader)
#include "tst_DiseasePackLoader.moc"
