#include "mdp/accounts/PasswordPolicy.h"

#include <QtTest>

using namespace mdp;
using namespace mdp::accounts;

namespace {
// A password in the form the account functions take it (takePassword).
SecureBytes pw(const QString &text)
{
    return passwordBytes(text.toUtf8());
}
} // namespace

class tst_PasswordPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void strongPasswordIsAccepted()
    {
        const PasswordPolicy policy;
        QVERIFY(policy.check(pw(QStringLiteral("Correct-Horse-9")), QStringLiteral("wang.li")).ok());
        QVERIFY(policy.check(pw(QStringLiteral("lowerUPPER12")), QStringLiteral("wang.li")).ok());
    }

    void brokenRulesAreEachNamed_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expectedPart");
        QTest::newRow("short") << QStringLiteral("Ab1-Ab1-") << QStringLiteral("at least 10 characters");
        QTest::newRow("long") << QStringLiteral("Ab1-").repeated(70)
                              << QStringLiteral("at most 256 characters");
        QTest::newRow("two classes") << QStringLiteral("abcdefghij12")
                                     << QStringLiteral("at least 3 of these kinds");
        QTest::newRow("one class") << QStringLiteral("abcdefghijkl")
                                   << QStringLiteral("at least 3 of these kinds");
        QTest::newRow("contains name") << QStringLiteral("xxWANG.LI-2024") << QStringLiteral("user name");
    }

    //
    void brokenRulesAreEachNamed()
    {
        QFETCH(QString, password);
        QFETCH(QString, expectedPart);
        const Result<void> result = PasswordPolicy().check(pw(password), QStringLiteral("Wang.Li"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::InvalidArgument);
        QVERIFY2(result.error().message.contains(expectedPart), qPrintable(result.error().message));
        QVERIFY(!result.error().message.contains(password));
    }

    void severalBrokenRulesAreReportedTogether()
    {
        const Result<void> result =
            PasswordPolicy().check(pw(QStringLiteral("abc")), QStringLiteral("someone"));
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QStringLiteral("at least 10 characters")));
        QVERIFY(result.error().message.contains(QStringLiteral("at least 3 of these kinds")));
    }

    // Chinese characters count as one character each and as "other characters".
    void lengthCountsCodePointsAndCjkCountsAsOther()
    {
        const PasswordPolicy policy;
        QVERIFY(
            policy.check(pw(QStringLiteral("\u5317\u4eac\u533b\u9662abcD12")), QStringLiteral("wang")).ok());
        // Nine code points although the UTF-16 length of the supplementary character is two.
        const QString nine = QStringLiteral("aB3\U00020000aB3aB");
        QCOMPARE(nine.size(), 10);
        QVERIFY(!policy.check(pw(nine), QStringLiteral("zzz")).ok());
    }

    void veryShortNamesAreNotSearchedFor()
    {
        // Two-letter names (common for Chinese pinyin) would forbid too many passwords.
        QVERIFY(PasswordPolicy().check(pw(QStringLiteral("Lime-Juice-42")), QStringLiteral("li")).ok());
    }

    void descriptionStatesTheNumbers()
    {
        const QString text = PasswordPolicy::description();
        QVERIFY(text.contains(QStringLiteral("10")));
        QVERIFY(text.contains(QStringLiteral("3")));
    }
};

QTEST_GUILESS_MAIN(tst_PasswordPolicy)
#include "tst_PasswordPolicy.moc"
