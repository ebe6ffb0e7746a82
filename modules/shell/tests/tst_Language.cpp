#include "mdp/shell/Language.h"
#include "mdp/shell/Navigation.h"

#include <QtTest>

using mdp::shell::Language;
using mdp::shell::LanguageChoice;
using mdp::shell::Navigation;

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
        QCOMPARE(Navigation::title(Navigation::Page::AuditLog), QStringLiteral("审计日志"));
        QCOMPARE(Navigation::title(Navigation::Page::Keys), QStringLiteral("密钥"));

        QVERIFY(Language::install(*QCoreApplication::instance(), QStringLiteral("en")));
        QCOMPARE(Navigation::title(Navigation::Page::AuditLog), QStringLiteral("Audit log"));
    }
};

QTEST_GUILESS_MAIN(tst_Language)
#include "tst_Language.moc"
