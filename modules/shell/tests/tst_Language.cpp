#include "mdp/shell/Language.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Language.h"
#include "mdp/workstation/Features.h"

#include <QtTest>

using mdp::shell::Language;
using mdp::shell::LanguageChoice;

namespace {
QString pageTitle(const QString &id)
{
    return mdp::workstation::features().page(id)->title();
}
} // namespace

class tst_Language : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chineseSystemLocaleGivesChinese()
    {
        QCOMPARE(Language::resolve({}, LanguageChoice::System, QLocale(QLocale::Chinese, QLocale::China)),
                 QStringLiteral("zh_CN"));
        QCOMPARE(Language::resolve({}, LanguageChoice::System, QLocale(QLocale::Chinese, QLocale::Taiwan)),
                 QStringLiteral("zh_CN"));
        QCOMPARE(Language::resolve({}, LanguageChoice::System, QLocale(QLocale::German, QLocale::Germany)),
                 QStringLiteral("en"));
    }

    void storedChoiceWinsOverTheSystem()
    {
        QCOMPARE(Language::resolve({}, LanguageChoice::English, QLocale(QLocale::Chinese, QLocale::China)),
                 QStringLiteral("en"));
        QCOMPARE(Language::resolve({}, LanguageChoice::Chinese, QLocale(QLocale::English)),
                 QStringLiteral("zh_CN"));
    }

    void commandLineOverrideWinsOverEverything()
    {
        QCOMPARE(Language::resolve(QStringLiteral("en"), LanguageChoice::Chinese,
                                   QLocale(QLocale::Chinese, QLocale::China)),
                 QStringLiteral("en"));
        QCOMPARE(
            Language::resolve(QStringLiteral("zh_CN"), LanguageChoice::English, QLocale(QLocale::English)),
            QStringLiteral("zh_CN"));
    }

    void embeddedChineseCatalogueTranslatesTheInterface()
    {
        QVERIFY(Language::install(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
        QCOMPARE(Language::current(), QStringLiteral("zh_CN"));
        QCOMPARE(pageTitle(QStringLiteral("audit-log")), QStringLiteral("审计日志"));
        QCOMPARE(pageTitle(QStringLiteral("keys")), QStringLiteral("密钥"));

        // Each module's catalogue is found and loaded: the host's, the workbench's and every feature's.
        const QStringList loaded = mdp::workbench::Language::loadedCatalogues();
        for (const char *module : {"shell", "workbench", "registry", "forms", "notify", "accounts", "crypto",
                                   "audit", "timeline", "viewer"})
            QVERIFY2(loaded.contains(QStringLiteral("mdp_%1_zh_CN.qm").arg(QLatin1String(module))), module);

        QVERIFY(Language::install(*QCoreApplication::instance(), QStringLiteral("en")));
        QCOMPARE(pageTitle(QStringLiteral("audit-log")), QStringLiteral("Audit log"));
    }
};

QTEST_GUILESS_MAIN(tst_Language)
#include "tst_Language.moc"
