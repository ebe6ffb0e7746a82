#include "mdp/text/Pinyin.h"

#include <QTest>

using namespace mdp::text;

class tst_Pinyin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.4.1a: a Chinese name is found by its pinyin and its initials.
    void twoCharacterNameGivesJoinedPinyinAndInitials()
    {
        QCOMPARE(toPinyin(u"张伟"), u"zhangwei"_qs);
        QCOMPARE(toPinyinSpaced(u"张伟"), u"zhang wei"_qs);
        QCOMPARE(pinyinInitials(u"张伟"), u"zw"_qs);
    }

    void threeCharacterNameGivesEverySyllable()
    {
        QCOMPARE(toPinyin(u"王小明"), u"wangxiaoming"_qs);
        QCOMPARE(toPinyinSpaced(u"王小明"), u"wang xiao ming"_qs);
        QCOMPARE(pinyinInitials(u"王小明"), u"wxm"_qs);
    }

    void umlautIsWrittenV() { QCOMPARE(toPinyin(u"吕女士"), u"lvnvshi"_qs); }

    void latinWordsAndDigitsPassThroughBetweenSyllables()
    {
        QCOMPARE(toPinyin(u"CT检查 2次"), u"ctjiancha2ci"_qs);
        QCOMPARE(toPinyinSpaced(u"Li明"), u"li ming"_qs);
        QCOMPARE(pinyinInitials(u"张 Wei"), u"zw"_qs);
        QCOMPARE(pinyinInitials(u"Anna Maria"), u"am"_qs);
    }

    void fullWidthLettersAreFolded()
    {
        QCOMPARE(toPinyin(u"ＡＢＣ张"), u"abczhang"_qs);
        QCOMPARE(toPinyinSpaced(u"Ｌｉ　明"), u"li ming"_qs);
    }

    void punctuationIsDropped()
    {
        QCOMPARE(toPinyin(u"阿依·买买提"), u"ayimaimaiti"_qs);
        QCOMPARE(toPinyinSpaced(u"张，伟。"), u"zhang wei"_qs);
    }

    void singleCharacterReadingComesFromTheTable()
    {
        QCOMPARE(pinyinOf(U'中'), u"zhong"_qs);
        QCOMPARE(pinyinOf(U'\U00020000'), u"he"_qs); // Extension B, sparse part of the table
        QVERIFY(pinyinOf(U'A').isEmpty());
    }

    void commonCharactersAllHaveReadings()
    {
        const QString common =
            u"的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后"
            u"自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作"
            u"种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名"
            u"法间斯知世什两次使身者被高已亲其进此话常与活正感乳腺癌浸润性导管三阴"_qs;
        for (QChar c : common)
            QVERIFY2(!pinyinOf(c.unicode()).isEmpty(), qPrintable(QString(c)));
    }

    // Without the surname table these come out as dan, ceng, chou, qu, jie (ordinary readings).
    void surnameHeteronymsTakeTheSurnameReading_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("ordinary");
        QTest::addColumn<QString>("asName");
        QTest::addColumn<QString>("initials");
        QTest::newRow("单") << u"单"_qs << u"田芳"_qs << u"dantianfang"_qs << u"shantianfang"_qs << u"stf"_qs;
        QTest::newRow("曾") << u"曾"_qs << u"国藩"_qs << u"cengguofan"_qs << u"zengguofan"_qs << u"zgf"_qs;
        QTest::newRow("仇") << u"仇"_qs << u"英"_qs << u"chouying"_qs << u"qiuying"_qs << u"qy"_qs;
        QTest::newRow("区") << u"区"_qs << u"明"_qs << u"quming"_qs << u"ouming"_qs << u"om"_qs;
        QTest::newRow("解") << u"解"_qs << u"缙"_qs << u"jiejin"_qs << u"xiejin"_qs << u"xj"_qs;
        QTest::newRow("尉迟") << u"尉迟"_qs << u"恭"_qs << u"weichigong"_qs << u"yuchigong"_qs << u"ycg"_qs;
    }
    void surnameHeteronymsTakeTheSurnameReading()
    {
        QFETCH(QString, family);
        QFETCH(QString, given);
        QFETCH(QString, ordinary);
        QFETCH(QString, asName);
        QFETCH(QString, initials);
        QCOMPARE(toPinyin(family + given), ordinary);
        const PinyinName name = toPinyinName(family, given);
        QCOMPARE(name.full, asName);
        QCOMPARE(name.initials, initials);
        QCOMPARE(toPinyinFullName(family + given).full, asName);
    }

    void heteronymOutsideTheSurnameKeepsTheOrdinaryReading()
    {
        // 单 in the given name is not a surname.
        QCOMPARE(toPinyinName(u"王", u"单").full, u"wangdan"_qs);
        QCOMPARE(toPinyinName(u"单", u"单").spaced, u"shan dan"_qs);
    }

    void familyNameLengthRecognisesCompoundSurnames()
    {
        QCOMPARE(familyNameLength(u"欧阳娜娜"), 2);
        QCOMPARE(familyNameLength(u"张伟"), 1);
        QCOMPARE(familyNameLength(u"欧阳"), 1); // a bare compound is read as surname + given name
        QCOMPARE(familyNameLength(u"Li Ming"), 0);
        QCOMPARE(familyNameLength(u""), 0);
        QCOMPARE(toPinyinFullName(u"司马光").spaced, u"si ma guang"_qs);
    }
};

QTEST_GUILESS_MAIN(tst_Pinyin)
#include "tst_Pinyin.moc"
