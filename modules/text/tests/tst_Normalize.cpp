#include "mdp/text/Normalize.h"

#include <QTest>

using namespace mdp::text;

class tst_Normalize : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.4.1a: what the user types and what was indexed reduce to the same key.
    void codesLoseTheirPunctuation()
    {
        QCOMPARE(searchKey(u"C50.9"), u"c509"_qs);
        QCOMPARE(searchKey(u"HER2-positive"), u"her2positive"_qs);
        QCOMPARE(searchKey(u"P-ABCD EFGH"), u"pabcdefgh"_qs);
    }

    void fullWidthFormsBecomeAscii()
    {
        QCOMPARE(foldWidth(u"ＴＮＢＣ　１２"), u"TNBC 12"_qs);
        QCOMPARE(searchKey(u"ＴＮＢＣ"), u"tnbc"_qs);
        QCOMPARE(searchKey(u"Ｃ５０．９"), u"c509"_qs);
    }

    void normalizeFoldsCaseAndCollapsesSpaces()
    {
        QCOMPARE(normalizeForSearch(u"  Ａ　b \t C  "), u"a b c"_qs);
        QCOMPARE(normalizeForSearch(u"ÉCOLE"), u"école"_qs);
    }

    void compatibilityIdeographsBecomeUnified()
    {
        // U+F900 is a compatibility form of U+8C48.
        QCOMPARE(searchKey(u"\uF900"), u"\u8C48"_qs);
    }

    void chineseTextKeepsItsCharactersAndDropsPunctuation()
    {
        QCOMPARE(searchKey(u"浸润性导管癌（IDC）"), u"浸润性导管癌idc"_qs);
        QCOMPARE(searchKey(u"张·伟"), u"张伟"_qs);
    }

    void tokensSplitOnWhiteSpaceOnly()
    {
        QCOMPARE(searchTokens(u"浸润性 导管癌, TNBC  C50.9 -- "),
                 (QStringList{u"浸润性"_qs, u"导管癌"_qs, u"tnbc"_qs, u"c509"_qs}));
        QVERIFY(searchTokens(u" ， ").isEmpty());
    }

    void hanRunsAreSplitFromOtherRuns()
    {
        QCOMPARE(splitHanRuns(u"张伟c50"), (QStringList{u"张伟"_qs, u"c50"_qs}));
        QCOMPARE(splitHanRuns(u"her2阳性3级"), (QStringList{u"her2"_qs, u"阳性"_qs, u"3"_qs, u"级"_qs}));
        QCOMPARE(splitHanRuns(u"abc"), QStringList{u"abc"_qs});
        QVERIFY(splitHanRuns(u"").isEmpty());
    }

    void hanRangesIncludeExtensionsAndExcludeKana()
    {
        QVERIFY(isHan(U'中'));
        QVERIFY(isHan(U'\U00020000'));
        QVERIFY(isHan(U'\u3400'));
        QVERIFY(!isHan(U'あ'));
        QVERIFY(!isHan(U'a'));
        QVERIFY(!isHan(U'\u3007')); // 〇 is a number sign, not an ideograph of the blocks
        QVERIFY(containsHan(u"abc中"));
        QVERIFY(!containsHan(u"abc"));
    }
};

QTEST_GUILESS_MAIN(tst_Normalize)
#include "tst_Normalize.moc"
