#include "mdp/shell/PassphraseStrength.h"

#include <QtTest>

using mdp::shell::PassphraseStrength;

class tst_PassphraseStrength : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shortPassphraseIsRefusedWithTheRuleNamed()
    {
        const auto a = PassphraseStrength::assess(QStringLiteral("Ab3$efgh"));
        QVERIFY(!a.acceptable);
        QCOMPARE(a.level, 0);
        QCOMPARE(a.problems.size(), 1);
        QVERIFY(a.problems.first().contains(QStringLiteral("12")));
    }

    void twelveCharactersMeetTheLengthRule()
    {
        QVERIFY(!PassphraseStrength::assess(QStringLiteral("Rk8#vq2Lm9@")).acceptable); // 11
        QVERIFY(PassphraseStrength::assess(QStringLiteral("Rk8#vq2Lm9@x")).acceptable); // 12
    }

    void repeatedCharacterOrShortPatternIsRefused()
    {
        QVERIFY(!PassphraseStrength::assess(QStringLiteral("aaaaaaaaaaaaaaaa")).acceptable);
        QVERIFY(!PassphraseStrength::assess(QStringLiteral("abcabcabcabcabc")).acceptable);
        QVERIFY(!PassphraseStrength::assess(QStringLiteral("ababababababab")).acceptable);
    }

    void sequencesCountForLittle()
    {
        const auto sequence = PassphraseStrength::assess(QStringLiteral("abcdefghijklmnop"));
        const auto mixed = PassphraseStrength::assess(QStringLiteral("qmzxwrvkjtpyhnbf"));
        QVERIFY(sequence.bits < mixed.bits / 4);
        QCOMPARE(sequence.level, 1);
    }

    void levelGrowsWithLengthAndVariety()
    {
        const auto lower = PassphraseStrength::assess(QStringLiteral("qmzxwrvkjtpy"));
        const auto mixed = PassphraseStrength::assess(QStringLiteral("qmZx7rV#jtPy"));
        const auto longMixed = PassphraseStrength::assess(QStringLiteral("correct-Horse-battery-9-staple"));
        QVERIFY(lower.acceptable && mixed.acceptable && longMixed.acceptable);
        QVERIFY(lower.level < mixed.level);
        QCOMPARE(longMixed.level, 4);
    }

    void chinesePassphraseIsAcceptedAndStrong()
    {
        const auto a = PassphraseStrength::assess(QStringLiteral("乳腺癌新辅助放疗研究队列二零二五"));
        QVERIFY(a.acceptable);
        QCOMPARE(a.level, 4);
    }

    void emptyPassphraseHasNoLabel()
    {
        const auto a = PassphraseStrength::assess(QString());
        QVERIFY(!a.acceptable);
        QVERIFY(a.label.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_PassphraseStrength)
#include "tst_PassphraseStrength.moc"
